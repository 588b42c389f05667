import libsamplerate from "@alexanderolsen/libsamplerate-js";

/** Converts one stream of interleaved PCM from one sample rate to another, chunk by chunk. */
export interface StreamResampler {
  readonly fromRate: number;
  readonly toRate: number;
  /** Resamples the next chunk (the filter's state carries over between chunks). */
  push(pcm: Float32Array): Float32Array;
  /** Returns the filter's tail so the stream's output length matches its input length × ratio. */
  flush(): Float32Array;
  /** Frees the converter. */
  dispose(): void;
}

/**
 * A streaming sample-rate converter: libsamplerate (Erik de Castro Lopo's
 * band-limited sinc converter) in WebAssembly, rather than a hand-written one.
 */
export async function createStreamResampler(channels: number, fromRate: number, toRate: number): Promise<StreamResampler> {
  const converter = await libsamplerate.create(channels, fromRate, toRate, { converterType: libsamplerate.ConverterType.SRC_SINC_MEDIUM_QUALITY });
  let inFrames = 0;
  let outFrames = 0;
  return {
    fromRate,
    toRate,
    push(pcm) {
      inFrames += pcm.length / channels;
      const out = converter.full(pcm);
      outFrames += out.length / channels;
      return out;
    },
    flush() {
      const expected = Math.round((inFrames * toRate) / fromRate);
      const missing = expected - outFrames;
      if (missing <= 0) return new Float32Array(0);
      // Push silence through the filter until its delayed tail has come out.
      const tail = converter.full(new Float32Array(Math.ceil((missing * fromRate) / toRate + 256) * channels));
      outFrames = expected;
      return tail.subarray(0, missing * channels);
    },
    dispose() {
      converter.destroy();
    },
  };
}
