// What a listener hears at the joins between segments, measured on the PCM
// itself (independent of @voxpipe/core's own pause handling): frame loudness,
// silence runs, pauses by length, and sample discontinuities (clicks) at a
// given sample.

/** Loudness frame length, in ms. */
export const FRAME_MS = 10;
/** A frame is silent below this level, in dB relative to the reference (the passage's loudest frame). */
export const SILENCE_DB = -40;
/** Shortest silence run that counts, in ms. */
export const MIN_SILENCE_MS = 30;
/** Two 16-bit steps: a jump must exceed the signal's own steps by more than this to be a click (a 16-bit WAV cannot resolve less). */
export const INAUDIBLE_JUMP = 2 / 32768;

/** One channel of interleaved PCM: the mean of the channels per frame (mono input is returned as is). */
export function toMono(pcm, channels = 1) {
  if (channels === 1) return pcm;
  const out = new Float32Array(Math.floor(pcm.length / channels));
  for (let i = 0; i < out.length; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += pcm[i * channels + c];
    out[i] = sum / channels;
  }
  return out;
}

/** Concatenates Float32Arrays. */
export function concat(parts) {
  const out = new Float32Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Duration of mono samples in ms. */
export function durationMs(samples, sampleRate) {
  return (samples.length / sampleRate) * 1000;
}

/** Samples in a frame of `frameMs` (rounded: 221 at 22,050 Hz, so positions are taken from it, not from `frameMs`). */
export function frameSize(sampleRate, frameMs = FRAME_MS) {
  return Math.max(1, Math.round((sampleRate * frameMs) / 1000));
}

/** RMS of each `frameMs` frame (the last frame may be shorter). */
export function frameRms(samples, sampleRate, frameMs = FRAME_MS) {
  const size = frameSize(sampleRate, frameMs);
  const out = new Float64Array(Math.ceil(samples.length / size));
  for (let f = 0; f < out.length; f++) {
    const end = Math.min(samples.length, (f + 1) * size);
    let sum = 0;
    for (let i = f * size; i < end; i++) sum += samples[i] * samples[i];
    out[f] = Math.sqrt(sum / (end - f * size));
  }
  return out;
}

/** The loudest frame's RMS: the reference silence is measured against. */
export function peakFrameRms(samples, sampleRate, frameMs = FRAME_MS) {
  let peak = 0;
  for (const rms of frameRms(samples, sampleRate, frameMs)) peak = Math.max(peak, rms);
  return peak;
}

/**
 * Runs of at least `minMs` of frames quieter than `thresholdDb` below
 * `referenceRms` (default: the signal's own loudest frame). Each run is
 * `{ startMs, endMs, ms, edge }`; `edge` is "start" or "end" for silence that
 * touches the start or the end of the signal (not a pause between sounds),
 * otherwise null. A signal with no sound at all has no runs.
 */
export function silenceRuns(samples, sampleRate, { frameMs = FRAME_MS, thresholdDb = SILENCE_DB, minMs = MIN_SILENCE_MS, referenceRms } = {}) {
  const rms = frameRms(samples, sampleRate, frameMs);
  const reference = referenceRms ?? Math.max(0, ...rms);
  if (reference === 0) return [];
  const threshold = reference * 10 ** (thresholdDb / 20);
  const totalMs = durationMs(samples, sampleRate);
  const frameToMs = (f) => Math.min(totalMs, (f * frameSize(sampleRate, frameMs) * 1000) / sampleRate);
  const runs = [];
  let start = -1;
  for (let f = 0; f <= rms.length; f++) {
    const silent = f < rms.length && rms[f] < threshold;
    if (silent && start < 0) start = f;
    if (!silent && start >= 0) {
      const startMs = frameToMs(start);
      const endMs = frameToMs(f);
      if (endMs - startMs >= minMs) runs.push({ startMs, endMs, ms: endMs - startMs, edge: start === 0 ? "start" : f === rms.length ? "end" : null });
      start = -1;
    }
  }
  return runs;
}

/** The pauses among `runs`: silence between two sounds (not at the signal's start or end). */
export function pausesOf(runs) {
  return runs.filter((run) => run.edge === null);
}

/** How many pauses last at least `minMs`. */
export function countPauses(runs, minMs) {
  return pausesOf(runs).filter((run) => run.ms >= minMs).length;
}

/** The longest pause that overlaps [fromMs, toMs] (widened by one frame each side), or null. */
export function pauseBetween(runs, fromMs, toMs, slackMs = FRAME_MS) {
  let best = null;
  for (const run of pausesOf(runs)) {
    if (run.endMs >= fromMs - slackMs && run.startMs <= toMs + slackMs && run.ms > (best?.ms ?? 0)) best = run;
  }
  return best;
}

/** Length of the pause at `atMs` (0 when the signal is not silent there). */
export function pauseMsAt(runs, atMs) {
  return pauseBetween(runs, atMs, atMs)?.ms ?? 0;
}

/**
 * The step into sample `k`, |x[k] − x[k−1]|, against the largest step of the
 * signal within `windowMs` either side (steps wholly on one side of the join).
 * `discontinuity` is true when the join's step is larger than every one of
 * them by more than INAUDIBLE_JUMP (two 16-bit steps): a click the signal
 * itself does not explain.
 */
export function joinStep(samples, k, sampleRate, { windowMs = FRAME_MS } = {}) {
  if (k <= 0 || k >= samples.length) return { jump: 0, localMaxStep: 0, discontinuity: false };
  const w = Math.max(1, Math.round((sampleRate * windowMs) / 1000));
  const jump = Math.abs(samples[k] - samples[k - 1]);
  let localMaxStep = 0;
  for (let i = Math.max(1, k - w + 1); i <= Math.min(samples.length - 1, k + w); i++) {
    if (i !== k) localMaxStep = Math.max(localMaxStep, Math.abs(samples[i] - samples[i - 1]));
  }
  return { jump, localMaxStep, discontinuity: jump > localMaxStep + INAUDIBLE_JUMP };
}
