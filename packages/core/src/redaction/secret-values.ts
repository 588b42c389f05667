import type { z } from "zod";
import { isSecretSchema } from "./secret-option.js";
import { elementSchema, memberSchema, schemaDef, wrappedSchemas } from "./schema-parts.js";
import { credentialsInUrl } from "./url-credentials.js";

/**
 * Option names whose value is a credential even when the adapter's schema
 * does not mark it (an adapter published before `secret()`): `apiKey`,
 * `token`, `password`, `authorization`, …
 */
export const secretOptionName = /^(?:api[-_]?key|.*[-_]api[-_]?key|.*(?:token|secret|password|passwd|credentials?)|authorization|proxy[-_]?authorization|cookie)$/i;

/** Environment variables whose value is a credential: `OPENAI_API_KEY`, `HF_TOKEN`, `…_SECRET`, `…_PASSWORD`. */
export const secretEnvName = /(?:^|_)(?:API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?|AUTH)(?:$|_)/i;

/**
 * Every secret value in an adapter's options: what its schema marks with
 * `secret()` (or `.meta({ secret: true })`), what sits under a secret-looking
 * option name, and the credentials inside any URL (user info and secret query
 * parameters). `value` is the options as parsed by `schema`.
 */
export function secretValuesOf(schema: z.ZodType | undefined, value: unknown): string[] {
  const found = new Set<string>();
  walk(schema, value, false, found, 0);
  return [...found];
}

/** The credentials in an environment: values of secret-looking variables, and credentials inside URL-valued ones. */
export function secretValuesOfEnv(env: Readonly<Record<string, string | undefined>>): string[] {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (secretEnvName.test(name)) found.add(value);
    for (const part of credentialsInUrl(value)) found.add(part);
  }
  return [...found];
}

const maxDepth = 32;

function walk(schema: z.ZodType | undefined, value: unknown, inSecret: boolean, found: Set<string>, depth: number): void {
  if (depth > maxDepth || value === undefined || value === null) return;
  const secret = inSecret || (schema !== undefined && isSecretSchema(schema));
  const def = schemaDef(schema);
  const inner = def ? wrappedSchemas(def) : undefined;
  if (inner) {
    for (const candidate of inner) walk(candidate, value, secret, found, depth + 1);
    return;
  }
  if (typeof value === "string") {
    if (secret) found.add(value);
    for (const part of credentialsInUrl(value)) found.add(part);
    return;
  }
  if (typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) walk(elementSchema(def), item, secret, found, depth + 1);
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    walk(memberSchema(def, key), item, secret || secretOptionName.test(key), found, depth + 1);
  }
}
