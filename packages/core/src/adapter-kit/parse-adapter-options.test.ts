import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConfigError } from "../errors/voxpipe-error.js";
import { parseAdapterOptions, strictOptionsSchema } from "./parse-adapter-options.js";

const plain = z.object({ host: z.string().default("localhost"), port: z.number().int().min(1).optional() });

describe("parseAdapterOptions", () => {
  it("fills defaults", () => {
    expect(parseAdapterOptions("@acme/tts", plain, {})).toEqual({ host: "localhost" });
    expect(parseAdapterOptions("@acme/tts", plain, undefined)).toEqual({ host: "localhost" });
  });

  it("rejects an unknown key in a schema that would strip it, and lists every problem", () => {
    let error: unknown;
    try {
      parseAdapterOptions("@acme/tts", plain, { hots: "x", port: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toEqual(["port: expected a number of at least 1, received 0", "hots: unknown key (check the spelling; see the README for the keys allowed here)"]);
    expect((error as Error).message).toBe(`@acme/tts: invalid options:\n  - ${(error as ConfigError).issues.join("\n  - ")}`);
  });

  it("makes a schema with a transform strict on its input side, keeping the transform", () => {
    const renamed = z.object({ timeoutMs: z.number().optional(), idleMs: z.number().optional() }).transform(({ timeoutMs, idleMs }) => ({ idleMs: idleMs ?? timeoutMs ?? 5 }));
    expect(parseAdapterOptions("@acme/tts", renamed, { timeoutMs: 3 })).toEqual({ idleMs: 3 });
    expect(() => parseAdapterOptions("@acme/tts", renamed, { timeout: 3 })).toThrow("timeout: unknown key");
  });

  it("keeps a schema that chose to accept any key", () => {
    const loose = z.looseObject({ a: z.string() });
    expect(strictOptionsSchema(loose)).toBe(loose);
    expect(parseAdapterOptions("@acme/tts", loose, { a: "x", extra: 1 })).toEqual({ a: "x", extra: 1 });
  });
});
