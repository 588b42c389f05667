/**
 * Silence in interleaved PCM floats: a frame is quiet when every channel's sample is below the
 * threshold (absolute value); silence is a run of quiet frames long enough not to be a zero
 * crossing inside speech (see `SILENCE_WINDOW_MS`).
 */

/** A quiet run shorter than this is a zero crossing or a stop inside speech, not silence, in ms. */
export const SILENCE_WINDOW_MS = 10;

/** True when every channel of `frame` is below `threshold`. */
export function isQuietFrame(pcm: Float32Array, frame: number, channels: number, threshold: number): boolean {
  for (let c = 0; c < channels; c++) if (Math.abs(pcm[frame * channels + c] ?? 0) >= threshold) return false;
  return true;
}

/** The first frame at or after `from` that is not quiet, or -1. */
export function firstSoundFrame(pcm: Float32Array, channels: number, threshold: number, from = 0): number {
  const frames = pcm.length / channels;
  for (let f = from; f < frames; f++) if (!isQuietFrame(pcm, f, channels, threshold)) return f;
  return -1;
}

/** The last frame that is not quiet, or -1. */
export function lastSoundFrame(pcm: Float32Array, channels: number, threshold: number): number {
  for (let f = pcm.length / channels - 1; f >= 0; f--) if (!isQuietFrame(pcm, f, channels, threshold)) return f;
  return -1;
}

/** A run of silence: its first frame and its length in frames. */
export interface SilentRun {
  start: number;
  frames: number;
}

/** The runs of at least `minFrames` quiet frames strictly between the first and the last sound. */
export function innerSilentRuns(pcm: Float32Array, channels: number, threshold: number, minFrames: number): SilentRun[] {
  const first = firstSoundFrame(pcm, channels, threshold);
  const last = lastSoundFrame(pcm, channels, threshold);
  const runs: SilentRun[] = [];
  if (first < 0) return runs;
  let start = -1;
  for (let f = first; f <= last; f++) {
    const quiet = isQuietFrame(pcm, f, channels, threshold);
    if (quiet && start < 0) start = f;
    else if (!quiet && start >= 0) {
      if (f - start >= minFrames) runs.push({ start, frames: f - start });
      start = -1;
    }
  }
  return runs;
}

/** The largest absolute sample. */
export function peakLevel(pcm: Float32Array): number {
  let peak = 0;
  for (let i = 0; i < pcm.length; i++) peak = Math.max(peak, Math.abs(pcm[i] ?? 0));
  return peak;
}

/** Milliseconds to whole frames at `sampleRate`. */
export function msToFrames(ms: number, sampleRate: number): number {
  return Math.round((ms / 1000) * sampleRate);
}
