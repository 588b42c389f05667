import {
  TtsFailover,
  createProvider,
  resolveAdapters,
  runPipeline,
  type AdapterContext,
  type ChatMessage,
  type LlmProvider,
  type LoadedConfig,
  type Logger,
  type PipelineEvent,
  type TtsProvider,
} from "@voxpipe/core";
import { withSpeed } from "./with-speed.js";

/** What one spoken run asks for. */
export interface SpokenRun {
  /** The conversation for the LLM; or `text` to speak a given text. */
  messages?: readonly ChatMessage[];
  /** A text to speak as it is (the speech endpoint): it goes through the segmenter and TTS, no LLM. */
  text?: string;
  /** The LLM to use instead of the configured one (the speech endpoint's fixed text). */
  llm?: LlmProvider;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
  /** Speaking rate, 1 = normal. */
  speed?: number;
  signal: AbortSignal;
}

/** The config's LLM and TTS backends, created once and shared by every request (sessions are stateless). */
export interface VoiceBackends {
  readonly llm: LlmProvider;
  /** The primary TTS backend (its `format` is the runs' native format). */
  readonly tts: TtsProvider;
  /** Whether `speed` can be honoured (not yet with TTS fallbacks). */
  readonly speedSupported: boolean;
  /** True once every backend has loaded. */
  readonly ready: boolean;
  /** Runs one request through LLM → segmenter → TTS with the config's pipeline settings. */
  run(request: SpokenRun): AsyncIterable<PipelineEvent>;
  dispose(): Promise<void>;
}

export interface OpenBackendsOptions {
  /** Folders adapter specifiers resolve from, in order. */
  searchFrom: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
}

/** Resolves and creates the config's adapters with core's registry, then loads them. */
export async function openVoiceBackends(loaded: LoadedConfig, options: OpenBackendsOptions): Promise<VoiceBackends> {
  const { config } = loaded;
  const resolved = await resolveAdapters(config, { searchFrom: options.searchFrom });
  const context: AdapterContext = { configDir: loaded.configDir, env: options.env, log: (level, message) => options.logger[level](message) };
  const created: (LlmProvider | TtsProvider)[] = [];
  const disposeAll = async (): Promise<void> => {
    await Promise.allSettled(created.map((provider) => provider.dispose?.()));
  };
  let ready = false;
  try {
    const llm = await createProvider<LlmProvider>(resolved.llm, context);
    created.push(llm);
    const ttsProviders: TtsProvider[] = [];
    for (const adapter of resolved.tts) {
      const provider = await createProvider<TtsProvider>(adapter, context);
      created.push(provider);
      ttsProviders.push(provider);
    }
    const primary = ttsProviders[0]!;
    await Promise.all([llm.load?.(), primary.load?.(), ...ttsProviders.slice(1).map((p) => p.load?.().catch((error: unknown) => options.logger.warn(`TTS fallback ${p.id} failed to load: ${String(error)}`)))]);
    ready = true;
    const failover = ttsProviders.length > 1 ? new TtsFailover(ttsProviders, { cooldownMs: config.failover.cooldownMs }) : undefined;
    const { segmenter, pipeline } = config;
    return {
      llm,
      tts: primary,
      speedSupported: failover === undefined,
      get ready() {
        return ready;
      },
      run(request) {
        const speed = request.speed ?? 1;
        const tts = failover ?? (speed === 1 ? primary : withSpeed(primary, speed));
        return runPipeline({
          llm: request.llm ?? llm,
          tts,
          request: {
            ...(request.messages ? { messages: request.messages } : { prompt: request.text ?? "" }),
            ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
            ...(request.topP !== undefined ? { topP: request.topP } : {}),
            ...(request.maxTokens !== undefined ? { maxTokens: request.maxTokens } : {}),
            ...(request.seed !== undefined ? { seed: request.seed } : {}),
          },
          mode: "streaming",
          segmenter,
          ttsConcurrency: pipeline.ttsConcurrency,
          fragments: pipeline.fragments,
          maxBufferedAudioMs: pipeline.maxBufferedAudioMs,
          timeouts: pipeline.timeouts,
          logger: options.logger,
          signal: request.signal,
        });
      },
      async dispose() {
        ready = false;
        await disposeAll();
      },
    };
  } catch (error) {
    await disposeAll();
    throw error;
  }
}
