import type { AudioChunk, AudioFormat } from "./audio-chunk.js";
import type { TtsRequest } from "./tts-request.js";
import type { NormalizeCategory } from "../normalize/normalize-category.js";
import type { PhonemeNotation } from "../normalize/lexicon.js";

/** What a TTS engine reads well itself, so the pipeline's normalizer leaves it alone. */
export interface TtsNormalization {
  /** Categories the engine normalizes itself (e.g. a cloud voice that reads "$3.50" well); left as written. */
  readonly handles?: readonly NormalizeCategory[];
  /** Inline phonemes the engine accepts (`espeak`: eSpeak NG's `[[…]]`), used for lexicon entries that give phonemes. */
  readonly phonemes?: PhonemeNotation;
}

/** A text-to-speech backend. Adapters implement this; the pipeline consumes it. */
export interface TtsProvider {
  /** Adapter id, e.g. `espeak`, `piper`. */
  readonly id: string;
  /** The voice in use, for display and metrics. */
  readonly voice: string;
  /** The PCM format every chunk from `synthesize` has. */
  readonly format: AudioFormat;
  /**
   * `fragments`: audio arrives in several chunks while synthesis runs.
   * `whole`: one chunk per request, once synthesis is done. The pipeline handles both.
   */
  readonly streaming: "fragments" | "whole";
  /** What the engine normalizes itself and which phonemes it accepts. Optional: by default voxpipe normalizes everything. */
  readonly normalization?: TtsNormalization;
  /**
   * Synthesizes `request.text`. Yields chunks in `format`. Empty or
   * whitespace-only text yields no chunks. Throws a VoxpipeError on failure;
   * ends promptly when `request.signal` fires.
   */
  synthesize(request: TtsRequest): AsyncIterable<AudioChunk>;
  /**
   * The backend the next request goes to first, for wrappers that choose
   * among backends (a failover after its primary failed answers with a
   * fallback). The audio cache keys its lookups by it. Adapters leave it out:
   * the provider itself speaks.
   */
  nextBackend?(): TtsProvider;
  /**
   * Loads the voice or engine now rather than on the first request, so the
   * first segment is not slowed by loading. Optional; safe to call more than once.
   */
  load?(): Promise<void>;
  /** Frees sessions and sockets. Idempotent. */
  dispose?(): Promise<void>;
}
