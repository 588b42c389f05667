import { VoxpipeError } from "../errors/voxpipe-error.js";
import { audioDurationMs } from "../tts/audio-chunk.js";
import type { TtsProvider } from "../tts/tts-provider.js";

/** How a TTS backend performs, measured once before any reply (see {@link measureTtsProfile}). */
export interface TtsProfile {
  /** Synthesis time per ms of audio once audio flows (below 1 is faster than real time). */
  realTimeFactor: number;
  /** Latency before audio starts flowing, in ms (time to the first chunk, less that chunk's own synthesis). */
  firstChunkMs: number;
  /** Audio per character of text, in ms. */
  audioMsPerChar: number;
  /** Length of the backend's first chunk, in ms (the granularity audio arrives in). */
  chunkMs: number;
}

/** The sentence {@link measureTtsProfile} synthesizes by default. */
export const PROFILE_TEXT = "This sentence measures how fast the voice speaks.";

/**
 * Measures a TTS backend's real-time factor, first-chunk latency and audio per
 * character by synthesizing one sentence, timing its first chunk and its end.
 * Call it after `load()` (the measurement should not include loading); the
 * pipeline uses the result for the first reply's segmenting and playout lead.
 *
 * @throws VoxpipeError (`tts-profile-failed`) when the backend produced no audio.
 */
export async function measureTtsProfile(tts: TtsProvider, options: { text?: string; signal?: AbortSignal } = {}): Promise<TtsProfile> {
  const text = options.text ?? PROFILE_TEXT;
  const signal = options.signal ?? new AbortController().signal;
  const started = performance.now();
  let firstAtMs: number | undefined;
  let firstChunkAudioMs = 0;
  let audioMs = 0;
  for await (const chunk of tts.synthesize({ text, signal })) {
    const duration = audioDurationMs(chunk);
    if (duration <= 0) continue;
    if (firstAtMs === undefined) {
      firstAtMs = performance.now() - started;
      firstChunkAudioMs = duration;
    }
    audioMs += duration;
  }
  const totalMs = performance.now() - started;
  if (firstAtMs === undefined || audioMs <= 0) {
    throw new VoxpipeError({
      code: "tts-profile-failed",
      stage: "tts",
      message: `The TTS (${tts.id}) produced no audio for ${JSON.stringify(text)} while measuring its speed; check that the voice is loaded and speaks this text.`,
    });
  }
  const flowing = audioMs - firstChunkAudioMs;
  const realTimeFactor = flowing > 0 ? Math.max(0, totalMs - firstAtMs) / flowing : totalMs / audioMs;
  return {
    realTimeFactor,
    firstChunkMs: Math.max(0, firstAtMs - firstChunkAudioMs * realTimeFactor),
    audioMsPerChar: audioMs / [...text].length,
    chunkMs: firstChunkAudioMs,
  };
}
