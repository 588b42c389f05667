import { describe, expect, it } from "vitest";
import { ConfigError, VoxpipeError } from "../errors/voxpipe-error.js";
import { Redactor, patternRedactor } from "./redactor.js";

const key = "sk-test-0123456789abcdef";

describe("Redactor.redact", () => {
  it("masks every known secret wherever it appears, also URL-encoded", () => {
    const redactor = new Redactor([key, "p@ss/word!"]);
    expect(redactor.redact(`key ${key} and again ${key}`)).toBe("key *** and again ***");
    expect(redactor.redact(`echo: ${encodeURIComponent("p@ss/word!")}`)).toBe("echo: ***");
  });

  it("masks the credential of a header value given with its scheme, and a Basic value's password", () => {
    const basic = `Basic ${Buffer.from("me:open-sesame").toString("base64")}`;
    const redactor = new Redactor([`Bearer ${key}`, basic]);
    expect(redactor.redact(`the server saw ${key}`)).toBe("the server saw ***");
    expect(redactor.redact("password open-sesame")).toBe("password ***");
  });

  it("masks a secret that contains another one whole", () => {
    expect(new Redactor(["abcdefgh", "abcdefgh-ijkl"]).redact("x abcdefgh-ijkl y abcdefgh")).toBe("x *** y ***");
  });

  it("masks credential shapes it was not told about", () => {
    expect(patternRedactor.redact("GET http://user:pa55@example.com:8080/v1/x")).toBe("GET http://***@example.com:8080/v1/x");
    expect(patternRedactor.redact("/v1/chat?api-version=2&api-key=abc123&token=t0k3n&sig=zz%2Fz")).toBe("/v1/chat?api-version=2&api-key=***&token=***&sig=***");
    expect(patternRedactor.redact("authorization: Bearer eyJhbGciOi.xyz")).toBe("authorization: Bearer ***");
    expect(patternRedactor.redact('{"x-api-key":"k-123456","api-key": "k-654321","accept":"*/*"}')).toBe('{"x-api-key":"***","api-key": "***","accept":"*/*"}');
  });

  it("leaves ordinary text alone", () => {
    const text = "Cannot reach http://127.0.0.1:11434 (ECONNREFUSED). Key point: use /v1?api-version=2.";
    expect(new Redactor(["voice", "http"]).redact(text)).toBe(text);
  });
});

describe("Redactor.redactError", () => {
  it("keeps a VoxpipeError's class and fields and masks its message, stack and cause chain", () => {
    const inner = Object.assign(new Error(`deep ${key}`), { code: "ECONNRESET" });
    const cause = new Error(`server said ${key}`, { cause: inner });
    const error = new VoxpipeError({ code: "llm-auth", stage: "llm", message: `refused ${key}`, retryable: true, retryAfterMs: 5, cause });
    const redacted = new Redactor([key]).redactError(error);
    expect(VoxpipeError.isInstance(redacted)).toBe(true);
    expect(redacted).toBeInstanceOf(VoxpipeError);
    expect({ code: redacted.code, stage: redacted.stage, retryable: redacted.retryable, retryAfterMs: redacted.retryAfterMs }).toEqual({ code: "llm-auth", stage: "llm", retryable: true, retryAfterMs: 5 });
    expect(redacted.message).toBe("refused ***");
    expect(redacted.stack).not.toContain(key);
    expect((redacted.cause as Error).message).toBe("server said ***");
    expect(((redacted.cause as Error).cause as Error & { code: string }).code).toBe("ECONNRESET");
    expect(JSON.stringify(redacted)).not.toContain(key);
    expect(error.message).toBe(`refused ${key}`);
  });

  it("masks a ConfigError's issues, and plain data causes", () => {
    const error = new ConfigError(`bad ${key}`, [`llm.options.apiKey: ${key}`], { status: 401, body: { echoed: key } });
    const redacted = new Redactor([key]).redactError(error);
    expect(redacted).toBeInstanceOf(ConfigError);
    expect(redacted.issues).toEqual(["llm.options.apiKey: ***"]);
    expect(JSON.stringify(redacted.cause)).toBe('{"status":401,"body":{"echoed":"***"}}');
  });

  it("returns an error that holds no secret as it is", () => {
    const error = new VoxpipeError({ code: "x", stage: "tts", message: "nothing to hide", cause: new Error("fine") });
    expect(new Redactor([key]).redactError(error)).toBe(error);
  });
});
