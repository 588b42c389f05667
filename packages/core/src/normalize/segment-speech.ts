import type { PipelineEvent } from "../pipeline/pipeline-event.js";
import type { TtsNormalization, TtsProvider } from "../tts/tts-provider.js";
import { createNormalizer, type Normalizer } from "./create-normalizer.js";
import type { NormalizeOptions } from "./normalize-options.js";
import type { NormalizedText } from "./normalized-text.js";
import { WordAligner } from "./word-alignment.js";

/** The pipeline's `normalize` option: normalizer options, with `enabled: false` to send text as written. */
export type PipelineNormalizeOptions = Omit<NormalizeOptions, "phonemes" | "handledByTts"> & { enabled?: boolean };

/**
 * The pipeline's step between segmenter and TTS: each segment's spoken form, read with the
 * TTS backends' declared abilities, and the word timings of its audio mapped back to the
 * written words. One per run. With fallbacks, any of them may speak a segment, so only what
 * every one of them declares counts: categories all of them handle, phonemes all of them take.
 */
export class SegmentSpeech {
  private readonly normalizer: Normalizer | undefined;
  /** Each pending segment's normalized text, and its word aligner once the TTS has sent word timings. */
  private readonly aligners = new Map<number, NormalizedText | WordAligner>();

  constructor(options: PipelineNormalizeOptions | undefined, tts: Pick<TtsProvider, "normalization"> | readonly Pick<TtsProvider, "normalization">[]) {
    const { enabled = true, ...rest } = options ?? {};
    const backends = Array.isArray(tts) ? tts : [tts as Pick<TtsProvider, "normalization">];
    const { phonemes, handles: handledByTts = [] } = sharedNormalization(backends);
    this.normalizer = enabled
      ? createNormalizer({ ...rest, ...(phonemes ? { phonemes } : {}), ...(handledByTts.length > 0 ? { handledByTts } : {}) })
      : undefined;
  }

  /** Compiles the normalizer's rules ahead of the first segment (see `Normalizer.warmUp`). */
  warmUp(): void {
    this.normalizer?.warmUp();
  }

  /** The spoken form of segment `index`. */
  speak(index: number, written: string): NormalizedText {
    const normalized = this.normalizer ? this.normalizer.normalize(written) : { written, spoken: written, spans: [] };
    // The aligner is built on the first word timings: most engines send none, and building it costs more than normalizing.
    this.aligners.set(index, normalized);
    return normalized;
  }

  /** Adds the written words to an audio event's word timings; forgets a segment once it has ended. */
  mapEvent(event: PipelineEvent): PipelineEvent {
    if (event.type === "segment-end") {
      this.aligners.delete(event.segmentIndex);
      return event;
    }
    if (event.type !== "audio" || !event.words) return event;
    let aligner = this.aligners.get(event.segmentIndex);
    if (aligner === undefined) return event;
    if (!(aligner instanceof WordAligner)) {
      aligner = new WordAligner(aligner);
      this.aligners.set(event.segmentIndex, aligner);
    }
    return { ...event, words: aligner.align(event.words) };
  }
}

/**
 * What every one of `backends` declares: the categories all of them handle, the phonemes all of
 * them take. A failover declares this for its backends, since any of them may speak a segment.
 */
export function sharedNormalization(backends: readonly Pick<TtsProvider, "normalization">[]): TtsNormalization {
  const [first, ...others] = backends.map((backend): TtsNormalization => backend.normalization ?? {});
  const phonemes = first?.phonemes !== undefined && others.every((n) => n.phonemes === first.phonemes) ? first.phonemes : undefined;
  const handles = (first?.handles ?? []).filter((category) => others.every((n) => n.handles?.includes(category)));
  return { ...(phonemes ? { phonemes } : {}), ...(handles.length > 0 ? { handles } : {}) };
}
