/** The test tone's frequency and level. */
const TONE_HZ = 440;
const TONE_LEVEL = 0.3;

/** One period of the tone per sample rate: the tone repeats every sampleRate / gcd(sampleRate, 440) frames. */
const periods = new Map<number, Float32Array>();

/**
 * TEST DOUBLE audio: frames `startFrame` … `startFrame + frames` of a 440 Hz sine at level 0.3.
 * Copied from one precomputed period, so a double serving many streams costs little CPU next to the
 * pipeline it stands in for (a benchmark measures the pipeline, not `Math.sin`).
 */
export function sineTone(startFrame: number, frames: number, sampleRate: number): Float32Array {
  const pcm = new Float32Array(frames);
  const period = periodAt(sampleRate);
  if (!period) {
    for (let i = 0; i < frames; i++) pcm[i] = toneSample(startFrame + i, sampleRate);
    return pcm;
  }
  let written = 0;
  let at = startFrame % period.length;
  while (written < frames) {
    const run = Math.min(frames - written, period.length - at);
    pcm.set(period.subarray(at, at + run), written);
    written += run;
    at = 0;
  }
  return pcm;
}

function toneSample(frame: number, sampleRate: number): number {
  return TONE_LEVEL * Math.sin((2 * Math.PI * TONE_HZ * frame) / sampleRate);
}

/** The tone's period at a whole-number rate (computed once), or undefined for a fractional rate. */
function periodAt(sampleRate: number): Float32Array | undefined {
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) return undefined;
  let period = periods.get(sampleRate);
  if (!period) {
    period = new Float32Array(sampleRate / gcd(sampleRate, TONE_HZ));
    for (let i = 0; i < period.length; i++) period[i] = toneSample(i, sampleRate);
    periods.set(sampleRate, period);
  }
  return period;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
