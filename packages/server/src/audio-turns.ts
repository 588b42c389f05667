/**
 * How a stream's audio shares the process with every other stream. Encoding
 * is synchronous (resampling to 24 kHz costs about 20 ms per second of
 * audio), so audio is encoded in slices, each after a turn at the CPU
 * (`processCpuTurns` of `@voxpipe/core/adapter-kit`, shared with eSpeak NG's
 * engine calls): between two slices the event loop reads new requests and
 * sends what is written, and a stream whose first audio has not gone out yet
 * goes before the streams already speaking.
 */

/** Longest stretch of audio encoded in one go, in seconds. */
export const AUDIO_SLICE_SECONDS = 0.5;

/** The samples in slices of at most AUDIO_SLICE_SECONDS (whole frames), as views, not copies. */
export function* audioSlices(pcm: Float32Array, sampleRate: number, channels: number): Generator<Float32Array> {
  const step = Math.max(1, Math.round(AUDIO_SLICE_SECONDS * sampleRate)) * channels;
  if (pcm.length <= step) {
    yield pcm;
    return;
  }
  for (let offset = 0; offset < pcm.length; offset += step) yield pcm.subarray(offset, Math.min(pcm.length, offset + step));
}
