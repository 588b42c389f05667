import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  AudioCache,
  ConfigError,
  adaptersRedactor,
  redactingLogger,
  createTtsCache,
  createTtsFailover,
  defaultCacheNamespace,
  createLogger,
  createPlayoutLead,
  configuredPauses,
  learnPauses,
  measureTtsProfile,
  type TtsProfile,
  createProvider,
  loadResolvedConfig,
  runPipeline,
  SegmentSpeech,
  type AdapterContext,
  type LlmProvider,
  type ConversationSettingsInput,
  type LoadedConfig,
  type OutputFormat,
  type Logger,
  type Redactor,
  type TtsProvider,
  type VoxpipeConfigInput,
} from "@voxpipe/core";
import { terminalSafe } from "./terminal-text.js";
import { createVoxpipeConversation, createVoxpipeSession, type VoxpipeConversation, type VoxpipeSession } from "./voxpipe-session.js";

export type { VoxpipeConversation, VoxpipeRunOptions, VoxpipeRunRequest, VoxpipeSession } from "./voxpipe-session.js";

/** Where first-party adapters resolve from when the config's folder does not have them: voxpipe's own installation. */
export const voxpipeInstallDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface OpenVoxpipeOptions {
  /** Config file; the working directory's voxpipe.config.* or the defaults when omitted (and no `config`). */
  configFile?: string;
  /**
   * The config as an object instead of a file: validated by the same schema (environment
   * overrides applied too), errors naming "(config object)"; paths resolve from `cwd`.
   */
  config?: VoxpipeConfigInput;
  /** The audio format runs deliver, over the config's `output` (e.g. `{ sampleRate: 48000, channels: 1 }`). */
  output?: OutputFormat;
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  logger?: Logger;
  /** Load models and voices now, so the first run is not slowed by loading (default true). */
  load?: boolean;
}

/** A config turned into live backends, ready to run prompts. */
export interface Voxpipe extends VoxpipeSession {
  loaded: LoadedConfig;
  llm: LlmProvider;
  /** The primary TTS backend. */
  tts: TtsProvider;
  /** Every TTS backend, primary first. */
  ttsBackends: readonly TtsProvider[];
  /** What runs speak with: the backends inside the failover and cache wrappers the config asks for (the primary alone when it asks for neither). */
  runTts: TtsProvider;
  /** The audio cache, when `cache.enabled`. */
  cache: AudioCache | undefined;
  /** Every log line goes through `redactor` first. */
  logger: Logger;
  /** Masks the secrets of the config's adapters (keys, header values, URL credentials) and of the environment; use it on anything you print. */
  redactor: Redactor;
  /** A new listener's session. `run()` and `speak()` on the Voxpipe itself use one default session. */
  session(): VoxpipeSession;
  /** A new conversation (its own session and history), with the config's `conversation` settings or these over them. */
  conversation(settings?: ConversationSettingsInput): VoxpipeConversation;
  /** Frees both backends. */
  dispose(): Promise<void>;
}

/** Loads and validates the config, loads its adapters and creates the backends. */
export async function openVoxpipe(options: OpenVoxpipeOptions = {}): Promise<Voxpipe> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  if (options.config !== undefined && options.configFile !== undefined) {
    throw new ConfigError("openVoxpipe: give either `config` (an object) or `configFile`, not both.", ["config, configFile: both given"]);
  }
  const { adapters: resolved, ...loaded } = await loadResolvedConfig(options.configFile, {
    cwd,
    env,
    searchFrom: [cwd, voxpipeInstallDir],
    ...(options.config !== undefined ? { config: options.config } : {}),
  });
  const redactor = adaptersRedactor([resolved.llm, ...resolved.tts], env);
  // Log lines quote backend and model text: secrets are masked, and control characters escaped before they reach a terminal.
  const logger = redactingLogger(options.logger ?? createLogger(loaded.config.log.level, (line) => process.stderr.write(`${terminalSafe(line)}\n`)), redactor);
  const context: AdapterContext = {
    configDir: loaded.configDir,
    env,
    log: (level, message) => logger[level](message),
    // Downloads and model loads show progress at the default log level (a bar on a terminal).
    ...(logger.progress ? { progress: (update) => logger.progress?.(update) } : {}),
  };
  const llm = await createProvider<LlmProvider>(resolved.llm, context, redactor);
  const ttsProviders: TtsProvider[] = [];
  try {
    for (const adapter of resolved.tts) ttsProviders.push(await createProvider<TtsProvider>(adapter, context, redactor));
  } catch (error) {
    await Promise.allSettled([llm.dispose?.(), ...ttsProviders.map((t) => t.dispose?.())]);
    throw error;
  }
  if (options.load ?? true) {
    try {
      await loadBackends(llm, ttsProviders, logger);
    } catch (error) {
      await Promise.allSettled([llm.dispose?.(), ...ttsProviders.map((t) => t.dispose?.())]);
      throw error;
    }
  }
  const { segmenter, pipeline, normalize, failover: failoverConfig, cache: cacheConfig } = loaded.config;
  // The normalizer's rules compile on first use (tens of ms): do it now rather than on the first reply's first segment.
  if (options.load ?? true) new SegmentSpeech(normalize, ttsProviders).warmUp();
  const [tts, ...fallbacks] = ttsProviders as [TtsProvider, ...TtsProvider[]];
  // Each fallback attempt gets the whole segment budget, and the run's limit covers them all.
  const segmentMs = pipeline.timeouts.ttsSegmentMs;
  let runTts: TtsProvider = tts;
  if (fallbacks.length > 0) runTts = createTtsFailover(tts, ...fallbacks, { cooldownMs: failoverConfig.cooldownMs, ...(segmentMs ? { attemptTimeoutMs: segmentMs } : {}) });
  let store: AudioCache | undefined;
  // The TTS's speed, measured once before any reply (the primary's, without the cache): each session's first
  // reply gets a predicted playout lead and, with a fast LLM, an early first segment.
  let ttsProfile: TtsProfile | undefined;
  if ((options.load ?? true) && pipeline.playout.measureTts) {
    try {
      ttsProfile = await measureTtsProfile(tts);
      logger.info(`TTS ${tts.id}: real-time factor ${ttsProfile.realTimeFactor.toFixed(2)}, first chunk after ${ttsProfile.firstChunkMs.toFixed(0)} ms`);
    } catch (error) {
      logger.warn(`TTS ${tts.id}: could not measure its speed (${error instanceof Error ? error.message : String(error)}); the first reply plays with no lead.`);
    }
  }
  // The primary's own pauses (pipeline.pauses.learn): each join's pause then matches the voice's.
  const pauses = configuredPauses(pipeline.pauses, (options.load ?? true) ? await learnPauses(tts, pipeline.pauses, logger) : undefined);
  if (cacheConfig.enabled) {
    store = new AudioCache({ maxBytes: cacheConfig.maxBytes });
    // A key names the backend that spoke the audio by its config entry: adapter and options.
    const namespaces = new Map(ttsProviders.map((provider, i) => [provider, JSON.stringify([resolved.tts[i]?.use, resolved.tts[i]?.options])]));
    // Cached under their spoken form, as the pipeline asks the TTS for it.
    const speech = new SegmentSpeech(normalize, ttsProviders);
    const spokenOpenings = cacheConfig.openings.map((opening, index) => speech.speak(index, opening).spoken);
    const cached = createTtsCache(runTts, { store, openings: spokenOpenings, namespace: (backend) => namespaces.get(backend) ?? defaultCacheNamespace(backend) });
    runTts = cached;
    const stored = await cached.warm({
      onError: (text, error) => logger.warn(`cache: could not synthesize the opening "${text}": ${error instanceof Error ? error.message : String(error)}`),
    });
    logger.info(`cache: ${stored} openings synthesized ahead`);
  }
  const timeouts = segmentMs && fallbacks.length > 0 ? { ...pipeline.timeouts, ttsSegmentMs: segmentMs * ttsProviders.length } : pipeline.timeouts;
  const output = { ...loaded.config.output, ...options.output };
  const session = (): VoxpipeSession => {
    const playoutLead = createPlayoutLead(pipeline.playout);
    return createVoxpipeSession(
      (runLlm, request, runOptions) =>
        runPipeline({
          llm: runLlm ?? llm,
          tts: runTts,
          ...(store ? { openings: cacheConfig.openings } : {}),
          request,
          mode: runOptions.mode ?? pipeline.mode,
          segmenter,
          normalize,
          ttsConcurrency: pipeline.ttsConcurrency,
          fragments: pipeline.fragments,
          maxBufferedAudioMs: pipeline.maxBufferedAudioMs,
          timeouts,
          pauses,
          playoutLead,
          ...(ttsProfile ? { ttsProfile } : {}),
          logger,
          ...(runOptions.signal ? { signal: runOptions.signal } : {}),
        }),
      output,
    );
  };
  const defaultSession = session();
  return {
    loaded,
    llm,
    tts,
    ttsBackends: ttsProviders,
    runTts,
    cache: store,
    logger,
    redactor,
    session,
    run: defaultSession.run,
    speak: defaultSession.speak,
    conversation: (settings = {}) => createVoxpipeConversation(session(), { ...loaded.config.conversation, ...settings }),
    async dispose() {
      await Promise.allSettled([llm.dispose?.(), ...ttsProviders.map((t) => t.dispose?.())]);
    },
  };
}

/** Loads the LLM and the TTS backends in parallel. A fallback TTS that fails to load is only warned about: the run can go on without it. */
async function loadBackends(llm: LlmProvider, tts: readonly TtsProvider[], logger: Logger): Promise<void> {
  const timed = async (name: string, load: (() => Promise<void>) | undefined): Promise<void> => {
    if (!load) return;
    const started = performance.now();
    await load();
    logger.info(`${name} loaded in ${(performance.now() - started).toFixed(0)} ms`);
  };
  const [primary, ...fallbacks] = tts;
  const fallbackLoads = fallbacks.map((provider) =>
    timed(`TTS fallback ${provider.id}`, provider.load?.bind(provider)).catch((error: unknown) =>
      logger.warn(`TTS fallback ${provider.id} failed to load: ${error instanceof Error ? error.message : String(error)}`),
    ),
  );
  await Promise.all([timed(`LLM ${llm.id}`, llm.load?.bind(llm)), timed(`TTS ${primary?.id}`, primary?.load?.bind(primary)), ...fallbackLoads]);
}
