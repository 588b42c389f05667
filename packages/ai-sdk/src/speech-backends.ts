import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  AudioCache,
  ConfigError,
  SegmentSpeech,
  createLogger,
  createTtsCache,
  createTtsFailover,
  createTtsProviders,
  defaultCacheNamespace,
  configuredPauses,
  learnPauses,
  measureTtsProfile,
  loadConfig,
  validateConfig,
  type AdapterContext,
  type CachedTts,
  type Logger,
  type PipelineTimeouts,
  type TtsFailover,
  type PauseOptions,
  type TtsProfile,
  type TtsProvider,
  type VoxpipeConfig,
} from "@voxpipe/core";
import { ttsWithRequestDefaults, type TtsRequestDefaults } from "./tts-with-request-defaults.js";
import type { VoxpipeProviderSettings } from "./voxpipe-settings.js";

/** Where voxpipe's own adapters resolve from when the config's folder does not have them: this package's installation. */
const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The TTS side of voxpipe, ready to speak: the settings of every run and the backends they use. */
export interface SpeechBackends {
  config: VoxpipeConfig;
  /** The primary TTS backend: its format is the audio's, its id says what `language` can do. */
  primary: TtsProvider;
  /** Every TTS backend, primary first. */
  backends: readonly TtsProvider[];
  /** The config's pipeline time limits; with fallbacks, the segment limit covers every backend's attempt. */
  timeouts: PipelineTimeouts;
  /** The primary's speed, measured once after loading (`pipeline.playout.measureTts`), for every run's first-reply lead and early first segment. */
  ttsProfile: TtsProfile | undefined;
  /** Every run's pauses at segment joins (`pipeline.pauses`, with the primary's own pauses when learned after loading). */
  pauses: PauseOptions | false;
  /** Known openings the pipeline speaks as their own segment, when the cache is on (as written; the cache holds their spoken form). */
  openings: readonly string[] | undefined;
  /**
   * What a call speaks with: the backends, with the call's voice (primary
   * only) and speed (all) applied, inside the failover and cache wrappers the
   * config asks for. Kept per voice and speed, so cool-downs persist.
   */
  runTts(defaults: TtsRequestDefaults): TtsProvider;
  logger: Logger;
  /** Frees the backends created from the config (not providers passed in `tts`). */
  dispose(): Promise<void>;
}

async function readConfig(settings: VoxpipeProviderSettings, cwd: string, env: Readonly<Record<string, string | undefined>>): Promise<{ config: VoxpipeConfig; configDir: string; source: string }> {
  if (settings.configFile !== undefined && settings.config !== undefined) {
    const message = "createVoxpipe: give either `configFile` or `config`, not both.";
    throw new ConfigError(message, [message]);
  }
  if (settings.configFile !== undefined) {
    const loaded = await loadConfig(settings.configFile, { cwd, env });
    return { config: loaded.config, configDir: loaded.configDir, source: loaded.file ?? settings.configFile };
  }
  const source = settings.config ? "createVoxpipe({ config })" : "default config";
  return { config: validateConfig({ ...(settings.config ?? {}) }, source), configDir: cwd, source };
}

/** A failover from `createTtsFailover` (it knows its backends and their order). */
function isFailover(tts: NonNullable<VoxpipeProviderSettings["tts"]>): tts is TtsFailover {
  const candidate = tts as Partial<TtsFailover>;
  return !Array.isArray(tts) && Array.isArray(candidate.backends) && typeof candidate.order === "function";
}

function readyProviders(tts: NonNullable<VoxpipeProviderSettings["tts"]>): TtsProvider[] {
  if (isFailover(tts)) return [...tts.backends];
  return Array.isArray(tts) ? [...(tts as readonly TtsProvider[])] : [tts as TtsProvider];
}

/** Reads the settings, creates (or takes) the TTS backends and, when asked, loads them and warms the cache. */
export async function openSpeechBackends(settings: VoxpipeProviderSettings): Promise<SpeechBackends> {
  const cwd = settings.cwd ?? process.cwd();
  const env = settings.env ?? process.env;
  const { config, configDir, source } = await readConfig(settings, cwd, env);
  const logger = settings.logger ?? createLogger(config.log.level);
  const owned: TtsProvider[] = [];
  let backends: TtsProvider[];
  /** The part of a cache key that names a backend as configured: its config entry (`use` and options), or its id and voice. */
  const namespaces = new Map<TtsProvider, string>();
  if (settings.tts !== undefined) {
    backends = readyProviders(settings.tts);
    if (backends.length === 0) {
      const message = "createVoxpipe: `tts` is an empty list; give at least one TTS provider.";
      throw new ConfigError(message, [message]);
    }
  } else {
    const context: AdapterContext = { configDir, env, log: (level, message) => logger[level](message) };
    const created = await createTtsProviders(config, { searchFrom: [configDir, cwd, packageDir], context, source });
    owned.push(...created.providers);
    backends = created.providers;
    backends.forEach((provider, i) => namespaces.set(provider, JSON.stringify([created.adapters[i]?.use, created.adapters[i]?.options])));
  }
  const dispose = async (): Promise<void> => {
    await Promise.allSettled(owned.map((provider) => provider.dispose?.()));
  };
  try {
    const { pipeline, normalize, failover, cache: cacheConfig } = config;
    const speech = new SegmentSpeech(normalize, backends);
    const load = settings.load ?? true;
    if (load) {
      await backends[0]?.load?.();
      // The normalizer's rules compile on first use: do it now rather than on the first segment.
      speech.warmUp();
    }
    // The TTS's speed, measured once before any call (the primary's, without the cache).
    let ttsProfile: TtsProfile | undefined;
    const primary = backends[0] as TtsProvider;
    if (load && pipeline.playout.measureTts) {
      try {
        ttsProfile = await measureTtsProfile(primary);
      } catch (error) {
        logger.warn(`TTS ${primary.id}: could not measure its speed (${error instanceof Error ? error.message : String(error)}); the first reply plays with no lead.`);
      }
    }
    const pauses = configuredPauses(pipeline.pauses, load ? await learnPauses(primary, pipeline.pauses, logger) : undefined);
    // Each fallback attempt gets the whole segment budget, and the run's limit covers them all.
    const segmentMs = pipeline.timeouts.ttsSegmentMs;
    const timeouts = segmentMs && backends.length > 1 ? { ...pipeline.timeouts, ttsSegmentMs: segmentMs * backends.length } : pipeline.timeouts;
    const failoverOptions = { cooldownMs: failover.cooldownMs, ...(segmentMs ? { attemptTimeoutMs: segmentMs } : {}) };
    // Cached under their spoken form, as the pipeline asks the TTS for it.
    const cache = cacheConfig.enabled
      ? { store: new AudioCache({ maxBytes: cacheConfig.maxBytes }), openings: cacheConfig.openings.map((opening, index) => speech.speak(index, opening).spoken) }
      : undefined;
    // Who spoke the audio, for cache keys: the backend as configured, and the voice and speed a call gave it.
    const configured = (backend: TtsProvider): string => namespaces.get(backend) ?? defaultCacheNamespace(backend);
    const speakers = new Map<TtsProvider, string>();
    const speakerOf = (backend: TtsProvider): string => speakers.get(backend) ?? JSON.stringify([configured(backend), null, null]);
    /** The backends with `defaults` applied, in the failover (or the caller's own) and the cache. */
    const wrap = (defaults: TtsRequestDefaults): { tts: TtsProvider; cached: CachedTts | undefined } => {
      const speedOnly: TtsRequestDefaults = defaults.speed === undefined ? {} : { speed: defaults.speed };
      const speaking = backends.map((backend, i) => {
        const given = i === 0 ? defaults : speedOnly;
        const applied = ttsWithRequestDefaults(backend, given);
        if (applied !== backend) speakers.set(applied, JSON.stringify([configured(backend), given.voice ?? null, given.speed ?? null]));
        return applied;
      });
      const [primary, ...rest] = speaking as [TtsProvider, ...TtsProvider[]];
      // A failover passed in `tts` keeps its own settings for calls that change nothing.
      const own = speaking.every((tts, i) => tts === backends[i]) && settings.tts !== undefined && isFailover(settings.tts) ? settings.tts : undefined;
      const spoken = own ?? (rest.length > 0 ? createTtsFailover(primary, ...rest, failoverOptions) : primary);
      const cached = cache ? createTtsCache(spoken, { ...cache, namespace: speakerOf }) : undefined;
      return { tts: cached ?? spoken, cached };
    };
    const plain = wrap({});
    const runs = new Map<string, TtsProvider>([[JSON.stringify([null, null]), plain.tts]]);
    const runTts = (defaults: TtsRequestDefaults): TtsProvider => {
      const key = JSON.stringify([defaults.voice ?? null, defaults.speed ?? null]);
      let tts = runs.get(key);
      if (!tts) runs.set(key, (tts = wrap(defaults).tts));
      return tts;
    };
    if (load && plain.cached) {
      const stored = await plain.cached.warm({
        onError: (text, error) => logger.warn(`cache: could not synthesize the opening "${text}": ${error instanceof Error ? error.message : String(error)}`),
      });
      logger.info(`cache: ${stored} openings synthesized ahead`);
    }
    return { config, primary, backends, timeouts, ttsProfile, pauses, openings: cache ? cacheConfig.openings : undefined, runTts, logger, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
