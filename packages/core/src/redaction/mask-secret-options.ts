import type { z } from "zod";
import { maskText } from "./credential-patterns.js";
import type { Redactor } from "./redactor.js";
import { elementSchema, memberSchema, schemaDef, wrappedSchemas } from "./schema-parts.js";
import { isSecretSchema } from "./secret-option.js";
import { secretOptionName } from "./secret-values.js";

const maxDepth = 32;

/**
 * A copy of an adapter's options fit to print: every value its schema marks
 * secret (or that sits under a secret-looking name such as `apiKey`) becomes
 * `***`, and every other string goes through `redactor` (URL credentials,
 * known secrets). Keys and the shape stay, so the output still shows what is set.
 */
export function maskSecretOptions(schema: z.ZodType | undefined, value: unknown, redactor: Redactor): unknown {
  return mask(schema, value, false, redactor, 0);
}

function mask(schema: z.ZodType | undefined, value: unknown, inSecret: boolean, redactor: Redactor, depth: number): unknown {
  if (depth > maxDepth || value === undefined || value === null) return value;
  const secret = inSecret || (schema !== undefined && isSecretSchema(schema));
  const def = schemaDef(schema);
  const inner = def ? wrappedSchemas(def) : undefined;
  // A wrapper: the first member that marks the value secret wins; else the first one's view of it.
  if (inner) {
    const masked = inner.map((candidate) => mask(candidate, value, secret, redactor, depth + 1));
    return masked.find((candidate) => candidate === maskText) ?? masked.find((candidate) => candidate !== value) ?? masked[0];
  }
  if (typeof value === "string") return secret ? maskText : redactor.redact(value);
  if (typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => mask(elementSchema(def), item, secret, redactor, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, mask(memberSchema(def, key), item, secret || secretOptionName.test(key), redactor, depth + 1)]),
  );
}
