import { strictOptionsSchema } from "../adapter-kit/parse-adapter-options.js";
import type { VoxpipeConfig } from "../config/config-schema.js";
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

/** The config's LLM and TTS adapters, found and validated. */
export interface ResolvedAdapters {
  llm: ResolvedAdapter;
  tts: ResolvedAdapter[];
}

export interface ResolveOptions {
  /** Folders adapter specifiers resolve from, in order. */
  searchFrom: readonly string[];
  /** How the error names the config (its file); default "config". */
  source?: string;
}

/** The defaults of `llm` and `tts` when a config leaves them out. */
const defaultUse: Record<AdapterKind, string> = { llm: "@voxpipe/llm-llama-cpp", tts: "@voxpipe/tts-espeak" };

type AdapterEntryRef = [key: string, kind: AdapterKind, use: string, options: unknown];

/** `[config key, kind, use, options]` of the entry, when it is well-formed enough to look up; a malformed one is core's schema's to report. */
function entryRef(key: string, kind: AdapterKind, entry: unknown): AdapterEntryRef[] {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return [];
  const { use, options } = entry as { use?: unknown; options?: unknown };
  if (typeof use !== "string" || use === "") return [];
  if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))) return [];
  return [[key, kind, use, options ?? {}]];
}

/** The config's TTS entries: `tts` for one backend, `tts.0`, `tts.1`, … for a failover list. */
function ttsEntries(config: { tts?: unknown }): AdapterEntryRef[] {
  const tts = config.tts ?? { use: defaultUse.tts };
  return Array.isArray(tts) ? tts.flatMap((entry, i) => entryRef(`tts.${i}`, "tts", entry)) : entryRef("tts", "tts", tts);
}

/** Loads each entry's adapter and validates its options, all at once; returns the adapters found and every problem. */
async function checkEntries(entries: readonly AdapterEntryRef[], options: ResolveOptions): Promise<{ resolved: ResolvedAdapter[]; issues: string[] }> {
  const issues: string[] = [];
  const resolved: ResolvedAdapter[] = [];
  const results = await Promise.all(
    entries.map(async ([key, kind, use, entryOptions]) => {
      try {
        const definition = await loadAdapter(use, kind, { searchFrom: options.searchFrom, key: `${key}.use` });
        const parsed = strictOptionsSchema(definition.optionsSchema).safeParse(entryOptions, { reportInput: true });
        if (!parsed.success) return { issues: formatIssues(parsed.error.issues, { prefix: [...key.split("."), "options"] }) };
        return { adapter: { key, use, definition, options: parsed.data } };
      } catch (error) {
        if (error instanceof ConfigError) return { issues: [...error.issues] };
        throw error;
      }
    }),
  );
  for (const result of results) {
    if (result.adapter) resolved.push(result.adapter);
    else issues.push(...result.issues);
  }
  return { resolved, issues };
}

/**
 * Loads every adapter a config names and validates its options with the
 * adapter's own schema (unknown keys rejected). Takes the config as parsed
 * (raw, so a `__proto__` key in options is still there to reject) or as
 * validated. Returns every problem instead of stopping at the first.
 */
export async function checkAdapters(config: { llm?: unknown; tts?: unknown }, options: ResolveOptions): Promise<{ adapters: ResolvedAdapters | undefined; issues: string[] }> {
  const entries = [...entryRef("llm", "llm", config.llm ?? { use: defaultUse.llm }), ...ttsEntries(config)];
  const { resolved, issues } = await checkEntries(entries, options);
  const [llm, ...tts] = resolved;
  const complete = issues.length === 0 && llm?.definition.kind === "llm" && entries.length === resolved.length;
  return { adapters: complete ? { llm, tts } : undefined, issues };
}

/**
 * `checkAdapters` for the TTS side alone (the `tts` entry or failover list,
 * primary first): the config's `llm` is not loaded, for hosts that bring
 * their own text.
 */
export async function checkTtsAdapters(config: { tts?: unknown }, options: ResolveOptions): Promise<{ adapters: ResolvedAdapter[] | undefined; issues: string[] }> {
  const entries = ttsEntries(config);
  const { resolved, issues } = await checkEntries(entries, options);
  const complete = issues.length === 0 && resolved.length > 0 && entries.length === resolved.length;
  return { adapters: complete ? resolved : undefined, issues };
}

/** A ConfigError listing every problem `checkAdapters` found, under the config's name. */
function adaptersError(issues: readonly string[], options: ResolveOptions): ConfigError {
  return new ConfigError(`${options.source ?? "config"}: invalid config:\n${issues.map((i) => `  - ${i}`).join("\n")}`, [...issues]);
}

/** Loads every adapter the config names and validates its options with the adapter's own schema; reports all problems at once. */
export async function resolveAdapters(config: VoxpipeConfig, options: ResolveOptions): Promise<ResolvedAdapters> {
  const { adapters, issues } = await checkAdapters(config, options);
  if (!adapters) throw adaptersError(issues, options);
  return adapters;
}

/** `resolveAdapters` for the TTS side alone: the config's TTS adapters, primary first; its `llm` is not loaded. */
export async function resolveTtsAdapters(config: VoxpipeConfig, options: ResolveOptions): Promise<ResolvedAdapter[]> {
  const { adapters, issues } = await checkTtsAdapters(config, options);
  if (!adapters) throw adaptersError(issues, options);
  return adapters;
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
