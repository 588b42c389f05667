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

/** `[config key, kind, use, options]` of every adapter entry well-formed enough to look up; a malformed one is core's schema's to report. */
function adapterEntries(config: { llm?: unknown; tts?: unknown }): [string, AdapterKind, string, unknown][] {
  const entries: [string, AdapterKind, string, unknown][] = [];
  const add = (key: string, kind: AdapterKind, entry: unknown): void => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return;
    const { use, options } = entry as { use?: unknown; options?: unknown };
    if (typeof use !== "string" || use === "") return;
    if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))) return;
    entries.push([key, kind, use, options ?? {}]);
  };
  add("llm", "llm", config.llm ?? { use: defaultUse.llm });
  const tts = config.tts ?? { use: defaultUse.tts };
  if (Array.isArray(tts)) tts.forEach((entry, i) => add(`tts.${i}`, "tts", entry));
  else add("tts", "tts", tts);
  return entries;
}

/**
 * Loads every adapter a config names and validates its options with the
 * adapter's own schema (unknown keys rejected). Takes the config as parsed
 * (raw, so a `__proto__` key in options is still there to reject) or as
 * validated. Returns every problem instead of stopping at the first.
 */
export async function checkAdapters(config: { llm?: unknown; tts?: unknown }, options: ResolveOptions): Promise<{ adapters: ResolvedAdapters | undefined; issues: string[] }> {
  const issues: string[] = [];
  const resolved: ResolvedAdapter[] = [];
  const entries = adapterEntries(config);
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
  const [llm, ...tts] = resolved;
  const complete = issues.length === 0 && llm?.definition.kind === "llm" && entries.length === resolved.length;
  return { adapters: complete ? { llm, tts } : undefined, issues };
}

/** Loads every adapter the config names and validates its options with the adapter's own schema; reports all problems at once. */
export async function resolveAdapters(config: VoxpipeConfig, options: ResolveOptions): Promise<ResolvedAdapters> {
  const { adapters, issues } = await checkAdapters(config, options);
  if (!adapters) throw new ConfigError(`${options.source ?? "config"}: invalid config:\n${issues.map((i) => `  - ${i}`).join("\n")}`, issues);
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
