import { describe, expect, it } from "vitest";
import { z } from "zod";
import { secret } from "./secret-option.js";
import { secretValuesOf, secretValuesOfEnv } from "./secret-values.js";

const schema = z
  .object({
    baseURL: z.string().optional(),
    token: z.string().optional(),
    voice: z.string(),
    headers: z.record(z.string(), secret(z.string())).default({}),
    auth: z.object({ clientId: z.string(), credential: secret(z.string().min(1)).optional() }).optional(),
    marked: z.string().meta({ secret: true }).describe("a marked option").optional(),
  })
  .strict()
  .transform((options) => options);

describe("secretValuesOf", () => {
  it("finds what the schema marks secret, secret-looking names and URL credentials", () => {
    const values = secretValuesOf(schema, schema.parse({
      baseURL: "http://me:pa%40ss@host:9/v1?api-key=QK123&model=x",
      token: "tok-1",
      voice: "alloy",
      headers: { "x-title": "My app", authorization: "Bearer abc" },
      auth: { clientId: "client-7", credential: "cred-9" },
      marked: "marked-0",
    }));
    expect(values).toEqual(expect.arrayContaining(["me", "pa%40ss", "pa@ss", "QK123", "tok-1", "My app", "Bearer abc", "cred-9", "marked-0"]));
    expect(values).not.toContain("alloy");
    expect(values).not.toContain("client-7");
  });

  it("finds secret-looking names without a schema (an adapter that marks nothing)", () => {
    expect(secretValuesOf(undefined, { apiKey: "k1", nested: { password: "p1", x_api_key: "k2" }, model: "m" }).sort()).toEqual(["k1", "k2", "p1"]);
  });
});

describe("secretValuesOfEnv", () => {
  it("finds keys, tokens and URL credentials in the environment", () => {
    const values = secretValuesOfEnv({ OPENAI_API_KEY: "sk-1", HF_TOKEN: "hf-2", OLLAMA_HOST: "https://u:pw-3@proxy", HOME: "/home/me", PATH: "/bin" });
    expect(values.sort()).toEqual(["hf-2", "pw-3", "sk-1", "u"].sort());
  });
});
