import type { z } from "zod";
import { formatIssues } from "../config/format-issues.js";
import { ConfigError } from "../errors/voxpipe-error.js";

type AnySchema = z.ZodType;
interface ObjectLike {
  strict(): AnySchema;
  def: { type: string; catchall?: unknown };
}
interface PipeLike {
  def: { type: "pipe"; in: AnySchema; out: AnySchema };
}

function isObjectSchema(schema: unknown): schema is ObjectLike {
  return typeof (schema as ObjectLike).strict === "function" && (schema as ObjectLike).def?.type === "object";
}

/**
 * The same schema, rejecting unknown keys at its top level, so a misspelt
 * option (`hots` for `host`, or `__proto__`) is an error rather than silently
 * dropped. An object schema that chose `.loose()` or a catchall keeps it; a
 * schema with a `.transform()` is made strict on its input side.
 */
export function strictOptionsSchema<S extends AnySchema>(schema: S): S {
  if (isObjectSchema(schema)) return (schema.def.catchall === undefined ? schema.strict() : schema) as S;
  const pipe = schema as unknown as PipeLike;
  if (pipe.def?.type === "pipe" && isObjectSchema(pipe.def.in) && pipe.def.in.def.catchall === undefined) {
    return (pipe.def.in.strict() as unknown as { pipe(out: AnySchema): AnySchema }).pipe(pipe.def.out) as unknown as S;
  }
  return schema;
}

/**
 * Validates an adapter's options as the config does, whether the factory is
 * called from a config or from code: unknown keys are rejected, and the
 * ConfigError lists every problem with its key, what was expected and what
 * was found (`@voxpipe/llm-ollama: invalid options: hots: unknown key …`).
 *
 * @param adapter how messages name the adapter, e.g. `@voxpipe/llm-ollama`.
 */
export function parseAdapterOptions<S extends AnySchema>(adapter: string, schema: S, input: unknown): z.output<S> {
  const parsed = strictOptionsSchema(schema).safeParse(input ?? {}, { reportInput: true });
  if (parsed.success) return parsed.data as z.output<S>;
  const issues = formatIssues(parsed.error.issues);
  throw new ConfigError(`${adapter}: invalid options:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`, issues);
}
