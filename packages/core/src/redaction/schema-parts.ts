import type { z } from "zod";

/** The parts of a zod schema's definition the secret walkers read. */
export type SchemaDef = { type: string; [key: string]: unknown };

/** A schema's definition, or undefined for something that is not a zod schema. */
export function schemaDef(schema: z.ZodType | undefined): SchemaDef | undefined {
  return (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
}

/** The schema that describes `key` of an object or record value. */
export function memberSchema(def: SchemaDef | undefined, key: string): z.ZodType | undefined {
  if (def?.type === "object") return (def["shape"] as Record<string, z.ZodType>)[key];
  if (def?.type === "record") return def["valueType"] as z.ZodType;
  return undefined;
}

/** The schema of an array value's items. */
export function elementSchema(def: SchemaDef | undefined): z.ZodType | undefined {
  return def?.type === "array" ? (def["element"] as z.ZodType) : undefined;
}

/** The schemas a wrapper stands for (optional, default, pipe, union…), or undefined for a leaf or container. */
export function wrappedSchemas(def: SchemaDef): z.ZodType[] | undefined {
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return [def["innerType"] as z.ZodType];
    case "pipe":
      return [def["in"] as z.ZodType, def["out"] as z.ZodType];
    case "lazy":
      return [(def["getter"] as () => z.ZodType)()];
    case "union":
      return def["options"] as z.ZodType[];
    case "intersection":
      return [def["left"] as z.ZodType, def["right"] as z.ZodType];
    default:
      return undefined;
  }
}
