import type { z } from "zod";

/**
 * Marks an option schema as secret: its value (a string, or every string
 * inside it) is masked in errors, logs, events, `voxpipe config check` and
 * the playground. `secret(z.string().min(1))` is the same as
 * `z.string().min(1).meta({ secret: true })`; either spelling is recognised.
 */
export function secret<Schema extends z.ZodType>(schema: Schema): Schema {
  return schema.meta({ ...schema.meta(), secret: true }) as Schema;
}

/** True when the schema itself (not a wrapper around it) carries the secret marker. */
export function isSecretSchema(schema: z.ZodType): boolean {
  return (schema.meta() as { secret?: unknown } | undefined)?.secret === true;
}
