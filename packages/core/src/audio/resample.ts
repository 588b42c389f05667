/**
 * Resamples interleaved PCM from one rate to another with linear
 * interpolation per channel. Good enough to keep a run's audio in one format
 * when a backend deviates; sinks that need studio quality should resample with
 * a dedicated library.
 */
export function resampleLinear(pcm: Float32Array, channels: number, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate || pcm.length === 0) return pcm;
  const inFrames = pcm.length / channels;
  const outFrames = Math.max(1, Math.round((inFrames * toRate) / fromRate));
  const out = new Float32Array(outFrames * channels);
  const step = fromRate / toRate;
  for (let frame = 0; frame < outFrames; frame++) {
    const position = frame * step;
    const left = Math.min(inFrames - 1, Math.floor(position));
    const right = Math.min(inFrames - 1, left + 1);
    const t = position - left;
    for (let c = 0; c < channels; c++) {
      const a = pcm[left * channels + c] ?? 0;
      const b = pcm[right * channels + c] ?? 0;
      out[frame * channels + c] = a + (b - a) * t;
    }
  }
  return out;
}
