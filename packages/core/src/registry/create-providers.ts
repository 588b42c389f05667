import type { VoxpipeConfig, AdapterEntry } from "../config/config-schema.js";
import { formatIssues } from "../config/format-issues.js";
import { ConfigError, VoxpipeError } from "../errors/voxpipe-error.js";
import type { LlmProvider } from "../llm/llm-provider.js";
import { redactingLlm, redactingTts } from "../redaction/redacting-providers.js";
import type { Redactor } from "../redaction/redactor.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import type { AdapterContext, AdapterDefinition, AdapterKind } from "./define-adapter.js";
import { adaptersRedactor } from "./adapters-redactor.js";
import { loadAdapter } from "./load-adapter.js";

/** An adapter found and its options validated, not yet created. */
export interface ResolvedAdapter {
  key: string;
  use: string;
  definition: AdapterDefinition;
  options: unknown;
}

export interface ResolveOptions {
  /** Folders adapter specifiers resolve from, in order. */
  searchFrom: readonly string[];
}

function ttsEntries(config: VoxpipeConfig): AdapterEntry[] {
  return Array.isArray(config.tts) ? config.tts : [config.tts];
}

/** Loads every adapter the config names and validates its options with the adapter's own schema; reports all problems at once. */
export async function resolveAdapters(config: VoxpipeConfig, options: ResolveOptions): Promise<{ llm: ResolvedAdapter; tts: ResolvedAdapter[] }> {
  const entries: [string, AdapterKind, AdapterEntry][] = [["llm", "llm", config.llm]];
  const tts = ttsEntries(config);
  tts.forEach((entry, i) => entries.push([Array.isArray(config.tts) ? `tts.${i}` : "tts", "tts", entry]));
  const issues: string[] = [];
  const resolved: ResolvedAdapter[] = [];
  for (const [key, kind, entry] of entries) {
    try {
      const definition = await loadAdapter(entry.use, kind, { searchFrom: options.searchFrom, key: `${key}.use` });
      const parsed = strictSchema(definition.optionsSchema).safeParse(entry.options);
      if (!parsed.success) {
        issues.push(...formatIssues(parsed.error.issues, [...key.split("."), "options"]));
        continue;
      }
      resolved.push({ key, use: entry.use, definition, options: parsed.data });
    } catch (error) {
      if (error instanceof ConfigError) issues.push(...error.issues);
      else throw error;
    }
  }
  if (issues.length > 0) throw new ConfigError(`invalid config:\n${issues.map((i) => `  - ${i}`).join("\n")}`, issues);
  const [llm, ...ttsResolved] = resolved;
  return { llm: llm as ResolvedAdapter, tts: ttsResolved };
}

/** An object schema that rejects unknown keys, so a misspelt option is an error rather than silently ignored. */
function strictSchema(schema: AdapterDefinition["optionsSchema"]): AdapterDefinition["optionsSchema"] {
  const candidate = schema as { strict?: () => AdapterDefinition["optionsSchema"] };
  return typeof candidate.strict === "function" ? candidate.strict() : schema;
}

/**
 * Calls an adapter's factory; a throw becomes an error naming the adapter.
 * Whatever the adapter does about secrets, its log lines, its errors (thrown
 * or reported) and its names pass through `redactor`, by default one that
 * knows the secrets in this adapter's options and in `context.env`.
 */
export async function createProvider<P extends LlmProvider | TtsProvider>(adapter: ResolvedAdapter, context: AdapterContext, redactor: Redactor = adaptersRedactor([adapter], context.env)): Promise<P> {
  const { progress } = context;
  const safeContext: AdapterContext = {
    ...context,
    log: (level, message) => context.log(level, redactor.redact(message)),
    // Progress labels name what is downloaded or loaded (a URL may carry credentials): masked like log lines.
    ...(progress ? { progress: (update) => progress({ ...update, label: redactor.redact(update.label) }) } : {}),
  };
  let provider: LlmProvider | TtsProvider;
  try {
    provider = await adapter.definition.create(adapter.options as never, safeContext);
  } catch (error) {
    if (VoxpipeError.isInstance(error)) throw redactor.redactError(error);
    const detail = error instanceof Error ? error.message : String(error);
    throw redactor.redactError(new VoxpipeError({ code: "adapter-create-failed", stage: "registry", message: `${adapter.key}: the adapter "${adapter.use}" failed to start: ${detail}`, cause: error }));
  }
  return (adapter.definition.kind === "llm" ? redactingLlm(provider as LlmProvider, redactor) : redactingTts(provider as TtsProvider, redactor)) as P;
}
