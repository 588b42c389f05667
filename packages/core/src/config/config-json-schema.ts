import { z } from "zod";
import { strictOptionsSchema } from "../adapter-kit/parse-adapter-options.js";
import type { AdapterKind } from "../registry/define-adapter.js";
import { configSchema } from "./config-schema.js";

/** An adapter whose options the JSON Schema describes: its `use` value, its kind and its options schema. */
export interface JsonSchemaAdapter {
  use: string;
  kind: AdapterKind;
  optionsSchema: z.ZodType;
  description?: string | undefined;
}

type Json = Record<string, unknown>;

/** Renames `$defs` entries and the `$ref`s pointing at them, so one adapter's definitions cannot clash with another's once merged. */
function renameDefs(node: unknown, rename: (name: string) => string): unknown {
  if (Array.isArray(node)) return node.map((child) => renameDefs(child, rename));
  if (typeof node !== "object" || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/$defs/")) out[key] = `#/$defs/${rename(value.slice("#/$defs/".length))}`;
    else out[key] = renameDefs(value, rename);
  }
  return out;
}

function optionsJsonSchema(adapter: JsonSchemaAdapter, defs: Json): Json {
  const raw = z.toJSONSchema(strictOptionsSchema(adapter.optionsSchema), { io: "input", unrepresentable: "any" }) as Json;
  const prefix = adapter.use.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const { $schema: _schema, $defs, ...schema } = renameDefs(raw, (name) => `${prefix}-${name}`) as Json;
  Object.assign(defs, $defs ?? {});
  return { ...schema, description: `Options of ${adapter.use}${adapter.description ? `: ${adapter.description}` : ""}.` };
}

/** Adds completion for `use` and, per known `use` value, the adapter's own options schema (`if`/`then` on `use`); any other `use` keeps free-form options. */
function typeEntry(entry: Json, adapters: readonly JsonSchemaAdapter[], defs: Json): void {
  if (adapters.length === 0) return;
  const properties = entry["properties"] as Json;
  const use = properties["use"] as Json;
  properties["use"] = {
    ...use,
    examples: adapters.map((a) => a.use),
    anyOf: [
      { enum: adapters.map((a) => a.use), description: "voxpipe's own adapters" },
      { type: "string", description: 'Another adapter package, a path to one, or "<module>#<export>"; its options are not checked here.' },
    ],
  };
  entry["allOf"] = adapters.map((adapter) => ({
    if: { properties: { use: { const: adapter.use } }, required: ["use"] },
    then: { properties: { options: optionsJsonSchema(adapter, defs) } },
  }));
}

/**
 * The JSON Schema of the config file, for editor completion. Given adapters
 * (the CLI passes voxpipe's own), `llm.options` and `tts.options` are typed
 * by the adapter their `use` names; another `use` value is allowed, with any
 * options.
 */
export function configJsonSchema(adapters: readonly JsonSchemaAdapter[] = []): Json {
  const schema = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" }) as Json;
  const properties = schema["properties"] as Json;
  const defs: Json = {};
  typeEntry(properties["llm"] as Json, adapters.filter((a) => a.kind === "llm"), defs);
  const tts = adapters.filter((a) => a.kind === "tts");
  for (const form of (properties["tts"] as { anyOf: Json[] }).anyOf) typeEntry(form["type"] === "array" ? (form["items"] as Json) : form, tts, defs);
  if (Object.keys(defs).length > 0) schema["$defs"] = { ...((schema["$defs"] as Json | undefined) ?? {}), ...defs };
  return schema;
}
