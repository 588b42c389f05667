import type { VoxpipeConfig } from "../config/config-schema.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import { createProvider, resolveTtsAdapters, type ResolvedAdapter, type ResolveOptions } from "./create-providers.js";
import type { AdapterContext } from "./define-adapter.js";
import { adaptersRedactor } from "./adapters-redactor.js";

/** The TTS backends a config names, created, primary first. */
export interface CreatedTtsProviders {
  /** The adapters as resolved (their `use` and validated options name a cache namespace). */
  adapters: ResolvedAdapter[];
  /** The providers, in the config's order. */
  providers: TtsProvider[];
}

/**
 * Creates only the TTS side of a config (its `tts` entry or failover list),
 * for hosts that bring their own text, such as a speech model fed by another
 * library's LLM. The config's `llm` is not loaded. Every problem is reported
 * at once; providers created before a failure are disposed. The providers
 * are wrapped, as `createProvider` does, so their errors and logs are redacted.
 */
export async function createTtsProviders(config: VoxpipeConfig, options: ResolveOptions & { context: AdapterContext }): Promise<CreatedTtsProviders> {
  const adapters = await resolveTtsAdapters(config, options);
  // One redactor for the whole list, so a fallback's errors mask the primary's key too.
  const redactor = adaptersRedactor(adapters, options.context.env);
  const providers: TtsProvider[] = [];
  try {
    for (const adapter of adapters) providers.push(await createProvider<TtsProvider>(adapter, options.context, redactor));
  } catch (error) {
    await Promise.allSettled(providers.map((provider) => provider.dispose?.()));
    throw error;
  }
  return { adapters, providers };
}
