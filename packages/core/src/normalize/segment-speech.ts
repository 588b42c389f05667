import type { PipelineEvent } from "../pipeline/pipeline-event.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import { createNormalizer, type Normalizer } from "./create-normalizer.js";
import type { NormalizeOptions } from "./normalize-options.js";
import type { NormalizedText } from "./normalized-text.js";
import { WordAligner } from "./word-alignment.js";

/** The pipeline's `normalize` option: normalizer options, with `enabled: false` to send text as written. */
export type PipelineNormalizeOptions = Omit<NormalizeOptions, "phonemes" | "handledByTts"> & { enabled?: boolean };

/**
 * The pipeline's step between segmenter and TTS: each segment's spoken form, read with the
 * TTS backend's declared abilities, and the word timings of its audio mapped back to the
 * written words. One per run.
 */
export class SegmentSpeech {
  private readonly normalizer: Normalizer | undefined;
  private readonly aligners = new Map<number, WordAligner>();

  constructor(options: PipelineNormalizeOptions | undefined, tts: Pick<TtsProvider, "normalization">) {
    const { enabled = true, ...rest } = options ?? {};
    this.normalizer = enabled
      ? createNormalizer({
          ...rest,
          ...(tts.normalization?.phonemes ? { phonemes: tts.normalization.phonemes } : {}),
          ...(tts.normalization?.handles ? { handledByTts: tts.normalization.handles } : {}),
        })
      : undefined;
  }

  /** The spoken form of segment `index`. */
  speak(index: number, written: string): NormalizedText {
    const normalized = this.normalizer ? this.normalizer.normalize(written) : { written, spoken: written, spans: [] };
    this.aligners.set(index, new WordAligner(normalized));
    return normalized;
  }

  /** Adds the written words to an audio event's word timings; forgets a segment once it has ended. */
  mapEvent(event: PipelineEvent): PipelineEvent {
    if (event.type === "segment-end") {
      this.aligners.delete(event.segmentIndex);
      return event;
    }
    if (event.type !== "audio" || !event.words) return event;
    const aligner = this.aligners.get(event.segmentIndex);
    return aligner ? { ...event, words: aligner.align(event.words) } : event;
  }
}
