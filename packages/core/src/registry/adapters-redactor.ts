import { Redactor } from "../redaction/redactor.js";
import { secretValuesOf, secretValuesOfEnv } from "../redaction/secret-values.js";
import type { ResolvedAdapter } from "./create-providers.js";

/**
 * The redactor of a config's adapters: it knows every secret in their options
 * (by their schemas' `secret()` markers, secret-looking names and URL
 * credentials) and the credentials in the environment they read keys from.
 */
export function adaptersRedactor(adapters: readonly Pick<ResolvedAdapter, "definition" | "options">[], env: Readonly<Record<string, string | undefined>>): Redactor {
  return new Redactor([...adapters.flatMap((adapter) => secretValuesOf(adapter.definition.optionsSchema, adapter.options)), ...secretValuesOfEnv(env)]);
}
