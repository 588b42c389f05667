import {
  SegmentSpeech,
  configuredPauses,
  createProvider,
  learnPauses,
  createTtsFailover,
  resolveAdapters,
  runPipeline,
  type AdapterContext,
  type ChatMessage,
  type LlmProvider,
  type LoadedConfig,
  type Logger,
  type PipelineEvent,
  type TtsProvider,
  type VoxpipeConfig,
  silentLogger,
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
  /** The backend voice every segment asks for; the configured voice when omitted. */
  voice?: string;
  signal: AbortSignal;
}

/** The config's LLM and TTS backends, created once and shared by every request (sessions are stateless). */
export interface VoiceBackends {
  readonly llm: LlmProvider;
  /** The primary TTS backend (its `format` is the runs' native format). */
  readonly tts: TtsProvider;
  /** True once every backend has loaded. */
  readonly ready: boolean;
  /** Loads the models and voices now (the LLM and primary TTS must load; a fallback that fails is only warned about). */
  load(): Promise<void>;
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

/** Resolves and creates the config's adapters with core's registry, loads them, and hands them to `createVoiceBackends`. */
export async function openVoiceBackends(loaded: LoadedConfig, options: OpenBackendsOptions): Promise<VoiceBackends> {
  const resolved = await resolveAdapters(loaded.config, { searchFrom: options.searchFrom });
  const context: AdapterContext = { configDir: loaded.configDir, env: options.env, log: (level, message) => options.logger[level](message) };
  const created: (LlmProvider | TtsProvider)[] = [];
  try {
    const llm = await createProvider<LlmProvider>(resolved.llm, context);
    created.push(llm);
    const tts: TtsProvider[] = [];
    for (const adapter of resolved.tts) {
      const provider = await createProvider<TtsProvider>(adapter, context);
      created.push(provider);
      tts.push(provider);
    }
    const backends = createVoiceBackends({ llm, tts, config: loaded.config, logger: options.logger });
    await backends.load();
    return backends;
  } catch (error) {
    await Promise.allSettled(created.map((provider) => provider.dispose?.()));
    throw error;
  }
}

export interface VoiceBackendsOptions {
  llm: LlmProvider;
  /** The TTS backend, or the primary first and then its fallbacks. */
  tts: TtsProvider | readonly TtsProvider[];
  /** The config whose segmenter, pipeline and failover settings every run uses. */
  config: VoxpipeConfig;
  logger?: Logger;
}

/** Backends from providers made in code (no registry); call `load()` before serving. */
export function createVoiceBackends(options: VoiceBackendsOptions): VoiceBackends {
  const { llm, config } = options;
  const logger = options.logger ?? silentLogger;
  const ttsProviders = Array.isArray(options.tts) ? [...(options.tts as readonly TtsProvider[])] : [options.tts as TtsProvider];
  const primary = ttsProviders[0];
  if (!primary) throw new TypeError("createVoiceBackends: tts needs at least one provider");
  const [, ...fallbacks] = ttsProviders;
  const segmentMs = config.pipeline.timeouts.ttsSegmentMs;
  // With fallbacks, one provider wraps them all (core's failover wrapper); runs see a plain TtsProvider either way.
  const runTts: TtsProvider =
    fallbacks.length > 0 ? createTtsFailover(primary, ...fallbacks, { cooldownMs: config.failover.cooldownMs, ...(segmentMs ? { attemptTimeoutMs: segmentMs } : {}) }) : primary;
  const { segmenter, pipeline } = config;
  let ready = false;
  // Until load() has learned the primary's own pauses (pipeline.pauses.learn), the configured or default ones.
  let pauses = configuredPauses(pipeline.pauses);
  return {
    llm,
    tts: primary,
    get ready() {
      return ready;
    },
    async load() {
      const fallbacks = ttsProviders.slice(1).map((p) => p.load?.().catch((error: unknown) => logger.warn(`TTS fallback ${p.id} failed to load: ${error instanceof Error ? error.message : String(error)}`)));
      await Promise.all([llm.load?.(), primary.load?.(), ...fallbacks]);
      // The normalizer's rules compile on first use (tens of ms): now, rather than on the first request.
      new SegmentSpeech(config.normalize, ttsProviders).warmUp();
      pauses = configuredPauses(pipeline.pauses, await learnPauses(primary, pipeline.pauses, logger));
      ready = true;
    },
    run(request) {
      const speed = request.speed ?? 1;
      const tts = speed === 1 ? runTts : withSpeed(runTts, speed);
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
        ...(request.voice !== undefined ? { voice: request.voice } : {}),
        mode: "streaming",
        segmenter,
        normalize: config.normalize,
        ttsConcurrency: pipeline.ttsConcurrency,
        fragments: pipeline.fragments,
        maxBufferedAudioMs: pipeline.maxBufferedAudioMs,
        timeouts: pipeline.timeouts,
        pauses,
        logger,
        signal: request.signal,
      });
    },
    async dispose() {
      ready = false;
      await Promise.allSettled([llm.dispose?.(), ...ttsProviders.map((p) => p.dispose?.())]);
    },
  };
}
