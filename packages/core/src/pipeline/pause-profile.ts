import { concatPcm } from "../audio/pcm.js";
import { firstSoundFrame, innerSilentRuns, lastSoundFrame, msToFrames, peakLevel } from "../audio/silence.js";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import type { PauseProfile } from "./pause-options.js";

/** The texts `measurePauseProfile` synthesizes, each in one call: the same words with a period, a paragraph break, a comma, no mark, and one sentence alone. */
export const PAUSE_PROBES = {
  sentence: "Now we are here. Many more are near.",
  paragraph: "Now we are here.\n\nMany more are near.",
  clause: "Now we are here, many more are near.",
  plain: "Now we are here many more are near",
  single: "Now we are here.",
} as const;

/** Silence is this fraction of the probe's peak (about −46 dB), within the bounds below. */
const THRESHOLD_OF_PEAK = 0.005;
const MIN_THRESHOLD = 0.0003;
const MAX_THRESHOLD = 0.02;
/** Inner silences shorter than this are stops and zero crossings inside speech, in ms. */
const MIN_RUN_MS = 20;
/** A pause counts when it is this much longer than the longest silence of the probe without a mark, in ms. */
const MIN_SENTENCE_EXCESS_MS = 40;
const MIN_CLAUSE_EXCESS_MS = 30;
/** Longer "pauses" are not a voice's (a broken or noisy output), in ms. */
const MAX_PAUSE_MS = 2000;
/** Leading and trailing silence beyond this is not counted, in ms. */
const MAX_EDGE_MS = 500;

interface ProbeAudio {
  pcm: Float32Array;
  sampleRate: number;
  channels: number;
}

/**
 * Measures a TTS backend's own pauses from its output: five short probes, each synthesized in one
 * call (`PAUSE_PROBES`). The pause after a sentence end and after a comma is the longest silence
 * inside the probe with that mark, counted only when clearly longer than any silence of the probe
 * without one (else it is left undefined and the default applies — a voice that does not pause, or
 * noise); the paragraph pause is the engine's own at a paragraph break, and never shorter than its
 * sentence pause (most engines read a paragraph break as a sentence end). Leading and trailing silence are
 * the single sentence's; the silence threshold is relative to the probes' level. Call it after
 * `load()`; pass the result as `PipelineOptions.pauses.learned`.
 *
 * @throws VoxpipeError (`tts-pause-profile-failed`) when a probe produced no sound.
 */
export async function measurePauseProfile(tts: TtsProvider, options: { signal?: AbortSignal } = {}): Promise<PauseProfile> {
  const signal = options.signal ?? new AbortController().signal;
  const plain = await synthesizeProbe(tts, PAUSE_PROBES.plain, signal);
  const threshold = Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, peakLevel(plain.pcm) * THRESHOLD_OF_PEAK));
  const sentence = await synthesizeProbe(tts, PAUSE_PROBES.sentence, signal);
  const paragraph = await synthesizeProbe(tts, PAUSE_PROBES.paragraph, signal);
  const clause = await synthesizeProbe(tts, PAUSE_PROBES.clause, signal);
  const single = await synthesizeProbe(tts, PAUSE_PROBES.single, signal);
  const baseline = longestInnerSilenceMs(plain, threshold);
  const sentenceMs = plausiblePause(longestInnerSilenceMs(sentence, threshold), baseline, MIN_SENTENCE_EXCESS_MS);
  const paragraphMs = sentenceMs === undefined ? undefined : Math.max(sentenceMs, plausiblePause(longestInnerSilenceMs(paragraph, threshold), baseline, MIN_SENTENCE_EXCESS_MS) ?? 0);
  const clauseMs = plausiblePause(longestInnerSilenceMs(clause, threshold), baseline, MIN_CLAUSE_EXCESS_MS);
  const frames = single.pcm.length / single.channels;
  const toMs = (count: number): number => Math.min(MAX_EDGE_MS, (count / single.sampleRate) * 1000);
  return {
    ...(sentenceMs !== undefined ? { sentenceMs, paragraphMs } : {}),
    ...(clauseMs !== undefined ? { clauseMs } : {}),
    leadingMs: toMs(firstSoundFrame(single.pcm, single.channels, threshold)),
    trailingMs: toMs(frames - 1 - lastSoundFrame(single.pcm, single.channels, threshold)),
    silenceThreshold: threshold,
  };
}

function plausiblePause(ms: number, baselineMs: number, minExcessMs: number): number | undefined {
  return ms - baselineMs >= minExcessMs && ms <= MAX_PAUSE_MS ? ms : undefined;
}

function longestInnerSilenceMs(audio: ProbeAudio, threshold: number): number {
  const runs = innerSilentRuns(audio.pcm, audio.channels, threshold, msToFrames(MIN_RUN_MS, audio.sampleRate));
  return (runs.reduce((longest, run) => Math.max(longest, run.frames), 0) / audio.sampleRate) * 1000;
}

/** One probe's audio, in one call; a probe with no sound fails the measurement. */
async function synthesizeProbe(tts: TtsProvider, text: string, signal: AbortSignal): Promise<ProbeAudio> {
  const parts: Float32Array[] = [];
  let format = tts.format;
  for await (const chunk of tts.synthesize({ text, signal })) {
    if (chunk.pcm.length === 0) continue;
    // A backend that sends another format than it declared: measure what it sent (the first chunk's).
    if (parts.length === 0) format = { sampleRate: chunk.sampleRate, channels: chunk.channels };
    parts.push(chunk.pcm);
  }
  const pcm = concatPcm(...parts);
  if (firstSoundFrame(pcm, format.channels, MIN_THRESHOLD) < 0) {
    throw new VoxpipeError({
      code: "tts-pause-profile-failed",
      stage: "tts",
      message: `The TTS (${tts.id}) produced no sound for ${JSON.stringify(text)} while measuring its pauses; check that the voice is loaded and speaks this text.`,
    });
  }
  return { pcm, sampleRate: format.sampleRate, channels: format.channels };
}
