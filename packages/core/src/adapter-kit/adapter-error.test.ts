import { describe, expect, it } from "vitest";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import { Redactor } from "../redaction/redactor.js";
import { adapterError } from "./adapter-error.js";
import { httpErrorKinds, retryableHttpErrorKinds } from "./http-error-kind.js";

const key = "sk-secret-0123456789";
const none = new Redactor();
const knowsKey = new Redactor([key]);

describe("adapterError", () => {
  it("builds a VoxpipeError of the given stage and code, retryable by kind", () => {
    for (const stage of ["llm", "tts"] as const) {
      for (const kind of httpErrorKinds) {
        const error = adapterError(stage, `${stage}-${kind}`, "m", none);
        expect(VoxpipeError.isInstance(error)).toBe(true);
        expect(error.stage).toBe(stage);
        expect(error.code).toBe(`${stage}-${kind}`);
        expect(error.retryable).toBe(retryableHttpErrorKinds.has(kind));
      }
    }
    expect(adapterError("llm", "llm-rate-limited", "out of quota", none, { retryable: false }).retryable).toBe(false);
    expect(adapterError("llm", "llm-rate-limited", "slow down", none, { retryAfterMs: 1500 }).retryAfterMs).toBe(1500);
  });

  it("replaces secrets in the message and in the cause", () => {
    const cause = new Error(`bad key ${key}`);
    const error = adapterError("tts", "tts-auth", `refused ${key}`, knowsKey, { cause });
    expect(error.message).toBe("refused ***");
    expect((error.cause as Error).message).toBe("bad key ***");
    const clean = new Error("no secret here");
    expect(adapterError("tts", "tts-auth", "refused", knowsKey, { cause: clean }).cause).toBe(clean);
  });

  it("leaves secrets shorter than 8 characters alone in free text", () => {
    expect(adapterError("llm", "llm-auth", "a voice b", new Redactor(["voice"])).message).toBe("a voice b");
  });

  it("masks URL credentials and bearer tokens it was not told about", () => {
    const error = adapterError("llm", "llm-unreachable", "Cannot reach http://me:hunter22@host/v1?api-key=abc123 (Bearer tok-0123456789)", none);
    expect(error.message).toBe("Cannot reach http://***@host/v1?api-key=*** (Bearer ***)");
  });
});
