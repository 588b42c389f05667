import type { AudioChunk, AudioFormat } from "../tts/audio-chunk.js";
import { createStreamResampler, type StreamResampler } from "./stream-resampler.js";

/**
 * Keeps one synthesis in the run's format (the primary backend's): a
 * fallback's audio, or audio in another format than declared, is remixed and
 * resampled with a streaming converter whose state carries across chunks.
 */
export class FormatConverter {
  private resampler: StreamResampler | undefined;

  constructor(private readonly format: AudioFormat) {}

  /** True when `chunk` needs no conversion (in the format, nothing resampled before it): `convert` would return it as it is. */
  passes(chunk: AudioChunk): boolean {
    return chunk.sampleRate === this.format.sampleRate && chunk.channels === this.format.channels && !this.resampler;
  }

  async convert(chunk: AudioChunk): Promise<AudioChunk> {
    const { sampleRate, channels } = this.format;
    if (this.passes(chunk)) return chunk;
    const pcm = chunk.channels === channels ? chunk.pcm : remix(chunk.pcm, chunk.channels, channels);
    if (chunk.sampleRate === sampleRate) return { ...chunk, pcm, channels };
    if (this.resampler && this.resampler.fromRate !== chunk.sampleRate) this.flushInto();
    this.resampler ??= await createStreamResampler(channels, chunk.sampleRate, sampleRate);
    return { pcm: this.resampler.push(pcm), sampleRate, channels, ...(chunk.words ? { words: chunk.words } : {}) };
  }

  /** The resampler's delayed tail at the end of the synthesis (empty when nothing was resampled). */
  flush(): AudioChunk {
    return { pcm: this.flushInto(), ...this.format };
  }

  dispose(): void {
    this.resampler?.dispose();
    this.resampler = undefined;
  }

  private flushInto(): Float32Array {
    const tail = this.resampler?.flush() ?? new Float32Array(0);
    this.dispose();
    return tail;
  }
}

function remix(pcm: Float32Array, from: number, to: number): Float32Array {
  const frames = pcm.length / from;
  const out = new Float32Array(frames * to);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < from; c++) sum += pcm[f * from + c] ?? 0;
    for (let c = 0; c < to; c++) out[f * to + c] = sum / from;
  }
  return out;
}
