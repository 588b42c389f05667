import { describe, expect, it } from "vitest";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import { adapterError } from "./adapter-error.js";
import { httpErrorKinds, retryableHttpErrorKinds } from "./http-error-kind.js";

const key = "sk-secret-0123456789";

describe("adapterError", () => {
  it("builds a VoxpipeError of the given stage and code, retryable by kind", () => {
    for (const stage of ["llm", "tts"] as const) {
      for (const kind of httpErrorKinds) {
        const error = adapterError(stage, `${stage}-${kind}`, "m", []);
        expect(VoxpipeError.isInstance(error)).toBe(true);
        expect(error.stage).toBe(stage);
        expect(error.code).toBe(`${stage}-${kind}`);
        expect(error.retryable).toBe(retryableHttpErrorKinds.has(kind));
      }
    }
    expect(adapterError("llm", "llm-rate-limited", "out of quota", [], { retryable: false }).retryable).toBe(false);
    expect(adapterError("llm", "llm-rate-limited", "slow down", [], { retryAfterMs: 1500 }).retryAfterMs).toBe(1500);
  });

  it("replaces secrets in the message and in the cause", () => {
    const cause = new Error(`bad key ${key}`);
    const error = adapterError("tts", "tts-auth", `refused ${key}`, [key], { cause });
    expect(error.message).toBe("refused ***");
    expect((error.cause as Error).message).toBe("bad key ***");
    const clean = new Error("no secret here");
    expect(adapterError("tts", "tts-auth", "refused", [key], { cause: clean }).cause).toBe(clean);
  });

  it("leaves secrets shorter than 4 characters alone", () => {
    expect(adapterError("llm", "llm-auth", "a abc b", ["abc"]).message).toBe("a abc b");
  });
});
