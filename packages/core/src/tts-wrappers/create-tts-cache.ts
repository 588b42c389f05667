import { AudioCache } from "../cache/audio-cache.js";
import type { AudioChunk } from "../tts/audio-chunk.js";
import type { TtsReport } from "../tts/tts-report.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import type { TtsRequest } from "../tts/tts-request.js";

export interface TtsCacheOptions {
  /** Where the audio is kept (shared by every provider that should see the same entries). */
  store: AudioCache;
  /**
   * The part of a key that names who spoke the audio: backend, voice and
   * options. Default: the backend's id and voice. Give the config's
   * `use` and options when two backends share an id but not a sound.
   */
  namespace?: (backend: TtsProvider) => string;
  /** Openings to synthesize ahead with `warm()` ("Sure!", "Let me check that."). */
  openings?: readonly string[];
}

/** A TTS provider that answers repeated text from an audio cache. */
export interface CachedTts extends TtsProvider {
  readonly store: AudioCache;
  readonly openings: readonly string[];
  /**
   * Synthesizes the openings not yet cached, through the wrapped provider, so
   * a reply that starts with one plays at once. Resolves to how many were
   * stored; an opening that fails is passed to `onError` and skipped.
   */
  warm(options?: { signal?: AbortSignal; onError?: (text: string, error: unknown) => void }): Promise<number>;
}

/** The default namespace: who spoke it, in which voice. */
export const defaultCacheNamespace = (backend: TtsProvider): string => `${backend.id}\u0000${backend.voice}`;

/**
 * Wraps a TTS provider with a whole-request audio cache. A request is looked
 * up under the backend that would speak it now (`tts.nextBackend()`, else
 * `tts` itself) and the voice it asks for (`request.voice`, when it is not
 * the backend's own), so one voice's audio never plays for another; on a hit its audio is yielded at once, as copies. On a miss
 * the wrapped provider speaks and the complete audio is stored under the
 * backend that actually produced it, as a wrapped failover reports, so a
 * fallback's audio never replays as the primary's. A failed or aborted
 * request stores nothing.
 */
export function createTtsCache(tts: TtsProvider, options: TtsCacheOptions): CachedTts {
  const { store } = options;
  const namespace = options.namespace ?? defaultCacheNamespace;
  const openings = options.openings ?? [];
  // A request that asks for another voice than the backend's own is another sound: it gets its own entries.
  const keyFor = (backend: TtsProvider, request: Pick<TtsRequest, "text" | "voice">): string =>
    AudioCache.key(request.voice === undefined || request.voice === backend.voice ? namespace(backend) : `${namespace(backend)}\u0000voice:${request.voice}`, request.text);
  const speaker = (): TtsProvider => tts.nextBackend?.() ?? tts;

  /** Speaks through the wrapped provider, yielding as it goes; stores the complete audio under the backend that produced it. */
  async function* speakAndStore(request: TtsRequest, asked: TtsProvider): AsyncGenerator<AudioChunk> {
    let producedBy = asked;
    const onReport = (report: TtsReport): void => {
      if (report.type === "attempt") producedBy = report.backend;
      request.onReport?.(report);
    };
    const recorded: AudioChunk[] = [];
    for await (const chunk of tts.synthesize({ ...request, onReport })) {
      // A copy: whoever receives the chunk may change its samples in place.
      recorded.push({ ...chunk, pcm: chunk.pcm.slice() });
      yield chunk;
    }
    store.set(keyFor(producedBy, request), recorded);
  }

  return {
    id: tts.id,
    voice: tts.voice,
    format: tts.format,
    streaming: tts.streaming,
    ...(tts.normalization ? { normalization: tts.normalization } : {}),
    store,
    openings,
    nextBackend: speaker,
    async *synthesize(request) {
      if (request.text.trim().length === 0) return yield* tts.synthesize(request);
      const backend = speaker();
      const hit = store.get(keyFor(backend, request));
      request.onReport?.({ type: "cache-lookup", hit: hit !== undefined, backend });
      if (hit) return yield* hit;
      yield* speakAndStore(request, backend);
    },
    async warm(warmOptions = {}) {
      let stored = 0;
      for (const text of openings) {
        if (warmOptions.signal?.aborted) break;
        const backend = speaker();
        if (store.has(keyFor(backend, { text }))) continue;
        try {
          for await (const _chunk of speakAndStore({ text, ...(warmOptions.signal ? { signal: warmOptions.signal } : {}) }, backend));
          stored++;
        } catch (error) {
          if (warmOptions.signal?.aborted) break;
          warmOptions.onError?.(text, error);
        }
      }
      return stored;
    },
    load: async () => tts.load?.(),
    dispose: async () => tts.dispose?.(),
  };
}
