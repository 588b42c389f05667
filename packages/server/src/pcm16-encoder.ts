import { concatPcm, createStreamResampler, floatToPcm16, type StreamResampler } from "@voxpipe/core";

/** Sample rate of OpenAI's `pcm` and `pcm16` audio, which the server's audio always has unless asked otherwise. */
export const OPENAI_PCM_RATE = 24_000;

/**
 * Turns a run's audio events (float PCM at the backend's rate, any channel
 * count) into 16-bit little-endian mono bytes at `outputRate`, resampled with
 * core's streaming resampler when the rates differ.
 */
export class Pcm16Encoder {
  private resampler: StreamResampler | undefined;
  private resamplerRate = 0;
  /** Frames written so far, at `outputRate`. */
  frames = 0;

  constructor(readonly outputRate: number = OPENAI_PCM_RATE) {}

  /** Encodes one chunk; may return no bytes while the resampler fills. */
  async push(pcm: Float32Array, sampleRate: number, channels: number): Promise<Buffer> {
    const mono = channels === 1 ? pcm : downmix(pcm, channels);
    let out = mono;
    if (sampleRate !== this.outputRate) {
      if (!this.resampler || this.resamplerRate !== sampleRate) {
        const tail = this.resampler ? this.resampler.flush() : undefined;
        this.resampler?.dispose();
        this.resampler = await createStreamResampler(1, sampleRate, this.outputRate);
        this.resamplerRate = sampleRate;
        if (tail && tail.length > 0) out = concatPcm(tail, this.resampler.push(mono));
        else out = this.resampler.push(mono);
      } else {
        out = this.resampler.push(mono);
      }
    } else if (this.resampler) {
      out = concatPcm(this.resampler.flush(), mono);
      this.resampler.dispose();
      this.resampler = undefined;
    }
    return this.bytes(out);
  }

  /** The resampler's tail; call once at the end of the stream. */
  flush(): Buffer {
    if (!this.resampler) return Buffer.alloc(0);
    const tail = this.resampler.flush();
    return this.bytes(tail);
  }

  /** Frees the resampler (idempotent). */
  dispose(): void {
    this.resampler?.dispose();
    this.resampler = undefined;
  }

  /** Seconds of audio encoded so far. */
  get seconds(): number {
    return this.frames / this.outputRate;
  }

  private bytes(samples: Float32Array): Buffer {
    this.frames += samples.length;
    const pcm16 = floatToPcm16(samples);
    return Buffer.from(pcm16.buffer, pcm16.byteOffset, pcm16.byteLength);
  }
}

function downmix(pcm: Float32Array, channels: number): Float32Array {
  const out = new Float32Array(Math.floor(pcm.length / channels));
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += pcm[i * channels + c] ?? 0;
    out[i] = sum / channels;
  }
  return out;
}
