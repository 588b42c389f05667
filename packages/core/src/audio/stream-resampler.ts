import libsamplerate from "@alexanderolsen/libsamplerate-js";

/** Converts one stream of interleaved PCM from one sample rate to another, chunk by chunk. */
export interface StreamResampler {
  readonly fromRate: number;
  readonly toRate: number;
  /** Resamples the next chunk (the filter's state carries over between chunks). */
  push(pcm: Float32Array): Float32Array;
  /** Returns the filter's tail so the stream's output length matches its input length × ratio. */
  flush(): Float32Array;
  /** Gives the converter back for another stream (idempotent); the resampler cannot be used after. */
  dispose(): void;
}

/** Counts of the converters behind every StreamResampler of this process. */
export interface StreamResamplerStats {
  /** Converters instantiated so far (each is its own libsamplerate module). */
  created: number;
  /** Held by a stream now. */
  inUse: number;
  /** Kept for the next stream of the same format. */
  idle: number;
}

type Converter = Awaited<ReturnType<typeof libsamplerate.create>>;

const CONVERTER_TYPE = libsamplerate.ConverterType.SRC_SINC_MEDIUM_QUALITY;
/** Idle converters kept per (channels, from, to); more are freed when their stream ends. */
export const MAX_IDLE_RESAMPLERS_PER_FORMAT = 16;

const idle = new Map<string, Converter[]>();
const stats = { created: 0, inUse: 0 };

/** How many converters exist and where they are. */
export function streamResamplerStats(): StreamResamplerStats {
  let idleCount = 0;
  for (const list of idle.values()) idleCount += list.length;
  return { created: stats.created, inUse: stats.inUse, idle: idleCount };
}

/**
 * A converter for a new stream: an idle one of the same format when there is
 * one, else a new one. Each libsamplerate-js converter is a module instance of
 * its own (its C side holds a single converter state in module-global
 * memory), which costs a 25 MB memory reservation (about 1.7 MB resident:
 * the filter tables it writes) and about 13 ms to instantiate, and runs at
 * half speed until its code is warm; so converters are reused, not
 * re-created, stream after stream.
 */
async function acquire(key: string, channels: number, fromRate: number, toRate: number): Promise<Converter> {
  const pooled = idle.get(key)?.pop();
  if (pooled) {
    // The library's setters delete and re-create the converter state (src_delete + src_new), so a
    // pooled converter starts exactly as a new one does: its output is bit-identical.
    pooled.inputSampleRate = fromRate;
    stats.inUse++;
    return pooled;
  }
  const converter = await libsamplerate.create(channels, fromRate, toRate, { converterType: CONVERTER_TYPE });
  stats.created++;
  stats.inUse++;
  return converter;
}

function release(key: string, converter: Converter): void {
  stats.inUse--;
  const list = idle.get(key) ?? [];
  if (list.length >= MAX_IDLE_RESAMPLERS_PER_FORMAT) {
    converter.destroy();
    return;
  }
  list.push(converter);
  idle.set(key, list);
}

/**
 * A streaming sample-rate converter: libsamplerate (Erik de Castro Lopo's
 * band-limited sinc converter) in WebAssembly, rather than a hand-written one.
 * Converters are pooled per (channels, from, to): `dispose()` hands this one
 * to the next stream of the same format (up to {@link MAX_IDLE_RESAMPLERS_PER_FORMAT}
 * idle ones are kept).
 */
export async function createStreamResampler(channels: number, fromRate: number, toRate: number): Promise<StreamResampler> {
  const key = `${channels}:${fromRate}:${toRate}`;
  let converter: Converter | undefined = await acquire(key, channels, fromRate, toRate);
  const live = (): Converter => {
    if (!converter) throw new Error(`this StreamResampler (${fromRate} → ${toRate} Hz) was disposed; create another with createStreamResampler()`);
    return converter;
  };
  let inFrames = 0;
  let outFrames = 0;
  return {
    fromRate,
    toRate,
    push(pcm) {
      inFrames += pcm.length / channels;
      const out = live().full(pcm);
      outFrames += out.length / channels;
      return out;
    },
    flush() {
      const expected = Math.round((inFrames * toRate) / fromRate);
      const missing = expected - outFrames;
      if (missing <= 0) return new Float32Array(0);
      // Push silence through the filter until its delayed tail has come out.
      const tail = live().full(new Float32Array(Math.ceil((missing * fromRate) / toRate + 256) * channels));
      outFrames = expected;
      return tail.subarray(0, missing * channels);
    },
    dispose() {
      if (!converter) return;
      release(key, converter);
      converter = undefined;
    },
  };
}
