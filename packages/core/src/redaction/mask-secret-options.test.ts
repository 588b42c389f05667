import { describe, expect, it } from "vitest";
import { z } from "zod";
import { maskSecretOptions } from "./mask-secret-options.js";
import { Redactor } from "./redactor.js";
import { secret } from "./secret-option.js";

describe("maskSecretOptions", () => {
  it("prints *** for secret values and masks credentials in the other strings, keeping every key", () => {
    const schema = z.object({
      model: z.string(),
      apiKey: z.string().optional(),
      headers: z.record(z.string(), secret(z.string())).default({}),
      baseURL: z.string(),
      retries: z.number(),
    });
    const options = schema.parse({ model: "gpt", apiKey: "sk-1", headers: { "x-api-key": "k-2" }, baseURL: "http://u:p@h/v1?token=t&x=1", retries: 2 });
    expect(maskSecretOptions(schema, options, new Redactor())).toEqual({
      model: "gpt",
      apiKey: "***",
      headers: { "x-api-key": "***" },
      baseURL: "http://***@h/v1?token=***&x=1",
      retries: 2,
    });
  });
});
