import type { z } from "zod";
import { Redactor } from "../redaction/redactor.js";
import { secretValuesOf } from "../redaction/secret-values.js";

/**
 * The redactor of one adapter instance: it knows every secret in the adapter's
 * resolved options (what the schema marks with `secret()`, secret-looking
 * names, URL credentials) plus `more` (a key read from the environment, a
 * header the adapter builds), and masks credential shapes besides.
 */
export function adapterRedactor(schema: z.ZodType, options: unknown, more: readonly (string | undefined)[] = []): Redactor {
  return new Redactor([...secretValuesOf(schema, options), ...more.filter((value): value is string => typeof value === "string" && value !== "")]);
}
