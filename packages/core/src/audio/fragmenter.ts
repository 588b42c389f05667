import type { AudioChunk } from "../tts/audio-chunk.js";

/**
 * Re-cuts a segment's audio into fragments of a fixed duration (the seed's
 * RETURN_FRAGMENT / FRAGMENT_INTERVAL). The last fragment of a segment may be
 * shorter. Format changes inside a segment flush the current fragment first.
 */
export class Fragmenter {
  private parts: Float32Array[] = [];
  private frames = 0;
  private format: { sampleRate: number; channels: number } | undefined;

  constructor(private readonly intervalMs: number) {}

  /** Adds a chunk; returns the fragments that are now full. */
  push(chunk: AudioChunk): AudioChunk[] {
    const out: AudioChunk[] = [];
    if (this.format && (this.format.sampleRate !== chunk.sampleRate || this.format.channels !== chunk.channels)) out.push(...this.flush());
    this.format = { sampleRate: chunk.sampleRate, channels: chunk.channels };
    const fragmentFrames = Math.max(1, Math.round((this.intervalMs / 1000) * chunk.sampleRate));
    let pcm = chunk.pcm;
    while (pcm.length > 0) {
      const need = (fragmentFrames - this.frames) * chunk.channels;
      const take = pcm.subarray(0, need);
      this.parts.push(take);
      this.frames += take.length / chunk.channels;
      pcm = pcm.subarray(take.length);
      if (this.frames >= fragmentFrames) out.push(this.take());
    }
    return out;
  }

  /** Returns what is left as a final, shorter fragment (or nothing). */
  flush(): AudioChunk[] {
    return this.frames > 0 ? [this.take()] : [];
  }

  private take(): AudioChunk {
    const format = this.format ?? { sampleRate: 1, channels: 1 };
    const pcm = new Float32Array(this.frames * format.channels);
    let offset = 0;
    for (const part of this.parts) {
      pcm.set(part, offset);
      offset += part.length;
    }
    this.parts = [];
    this.frames = 0;
    return { pcm, ...format };
  }
}
