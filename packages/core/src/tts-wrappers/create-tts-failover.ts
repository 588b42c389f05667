import { AbortError, VoxpipeError, isAbortError } from "../errors/voxpipe-error.js";
import type { AudioChunk } from "../tts/audio-chunk.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import type { TtsRequest } from "../tts/tts-request.js";
import { sharedNormalization } from "../normalize/segment-speech.js";
import { synthesizeWhole } from "./synthesize-whole.js";

export interface TtsFailoverOptions {
  /** How long a backend that failed is skipped before it is tried again, in ms. Default 30000. */
  cooldownMs?: number;
  /** Longest time one backend may take over one request before the next backend is asked, in ms. 0 or unset: no limit. */
  attemptTimeoutMs?: number;
}

/** A TTS provider that hands a request to the next backend when one fails. */
export interface TtsFailover extends TtsProvider {
  /** Every backend, primary first. */
  readonly backends: readonly TtsProvider[];
  /** The backends the next request tries, in order: those not cooling down first (in configured order), then the rest. */
  order(now?: number): TtsProvider[];
  /** The first of `order()`. */
  nextBackend(): TtsProvider;
}

type FallbacksAndOptions = TtsProvider[] | [...TtsProvider[], TtsFailoverOptions];

/**
 * Wraps a primary TTS backend and its fallbacks into one provider. A request
 * goes to the first backend not cooling down; when it fails (an error, no
 * audio, or `attemptTimeoutMs`), the same text goes to the next one. A failed
 * backend is skipped for `cooldownMs`, across requests, then tried again.
 *
 * With fallbacks, each request's audio is yielded only once a backend has
 * synthesized all of it (`streaming: "whole"`), so a backend failing mid-text
 * never leaves half of it heard: a request no backend finishes yields
 * nothing and throws the last backend's error. Audio is always in the
 * primary's `format`; a fallback's is converted. With no fallbacks the
 * primary's audio streams through as it comes.
 *
 * `createTtsFailover(primary, fallback)`, or with options last:
 * `createTtsFailover(primary, fallback, { cooldownMs: 10_000 })`.
 */
export function createTtsFailover(primary: TtsProvider, ...rest: FallbacksAndOptions): TtsFailover {
  const last = rest.at(-1);
  const options: TtsFailoverOptions = last && !isProvider(last) ? last : {};
  const backends: readonly TtsProvider[] = [primary, ...(rest as (TtsProvider | TtsFailoverOptions)[]).filter(isProvider)];
  const cooldownMs = options.cooldownMs ?? 30_000;
  const failedAt = new Map<TtsProvider, number>();
  const coolingDown = (backend: TtsProvider, now: number): boolean => {
    const at = failedAt.get(backend);
    return at !== undefined && now - at < cooldownMs;
  };
  const order = (now = performance.now()): TtsProvider[] => {
    const ready = backends.filter((backend) => !coolingDown(backend, now));
    return [...ready, ...backends.filter((backend) => !ready.includes(backend))];
  };

  async function* synthesize(request: TtsRequest): AsyncGenerator<AudioChunk> {
    const tried = order();
    for (const [i, backend] of tried.entries()) {
      if (request.signal?.aborted) throw new AbortError("tts");
      request.onReport?.({ type: "attempt", backend });
      let chunks: AudioChunk[];
      try {
        chunks = await synthesizeWhole(backend, request, { format: primary.format, timeoutMs: options.attemptTimeoutMs ?? 0 });
      } catch (error) {
        if (isAbortError(error) && request.signal?.aborted) throw error;
        const failure = VoxpipeError.from(error, "tts", "tts-failed");
        failedAt.set(backend, performance.now());
        const next = tried[i + 1];
        if (!next) throw failure;
        request.onReport?.({ type: "failover", backend, next, error: failure });
        continue;
      }
      failedAt.delete(backend);
      yield* chunks;
      return;
    }
  }

  if (backends.length === 1) {
    return {
      ...describe(primary),
      backends,
      order: () => [primary],
      nextBackend: () => primary,
      async *synthesize(request) {
        request.onReport?.({ type: "attempt", backend: primary });
        yield* primary.synthesize(request);
      },
      load: async () => primary.load?.(),
      dispose: async () => primary.dispose?.(),
    };
  }
  return {
    ...describe(primary),
    streaming: "whole",
    // Any backend may speak a request: the normalizer may leave to the TTS only what every one of them handles.
    normalization: sharedNormalization(backends),
    backends,
    order,
    nextBackend: () => order()[0] ?? primary,
    synthesize,
    /** Loads every backend; rejects with the first that fails to load. */
    async load() {
      await Promise.all(backends.map((backend) => backend.load?.()));
    },
    async dispose() {
      await Promise.allSettled(backends.map((backend) => backend.dispose?.()));
    },
  };
}

function describe(primary: TtsProvider): Pick<TtsProvider, "id" | "voice" | "format" | "streaming" | "normalization"> {
  return { id: primary.id, voice: primary.voice, format: primary.format, streaming: primary.streaming, ...(primary.normalization ? { normalization: primary.normalization } : {}) };
}

function isProvider(value: TtsProvider | TtsFailoverOptions): value is TtsProvider {
  return typeof (value as Partial<TtsProvider>).synthesize === "function";
}
