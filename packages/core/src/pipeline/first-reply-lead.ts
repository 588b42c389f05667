import type { TtsProfile } from "./tts-profile.js";

/** A segment known when the first audio arrives. */
export interface KnownSegment {
  /** Characters of the text sent to the TTS. */
  chars: number;
  /** When its synthesis started, or (if it waits for a free slot) when it was cut, ms on the run's clock. */
  readyAtMs: number;
}

/**
 * The smallest playout lead, in ms, under which the segments known at the first
 * audio play without a gap, for a TTS with `profile` running `concurrency`
 * segments at once. Used for a session's first reply, before any reply has
 * shown what lead is needed.
 *
 * The model: segment 0's first chunk is at `nowMs`; a later segment starts at
 * the later of its start (or cut) and the end of the segment `concurrency`
 * places before it, its first chunk comes `firstChunkMs` plus one chunk's
 * synthesis later, and its audio then flows at `realTimeFactor`, chunk by
 * chunk. A listener who starts at the first audio plus the lead hears each
 * segment right after the one before. The lead is the largest amount by
 * which a chunk would be late.
 */
export function firstReplyLeadMs(profile: TtsProfile, concurrency: number, segments: readonly KnownSegment[], nowMs: number): number {
  const { realTimeFactor: rtf, firstChunkMs, audioMsPerChar, chunkMs: rawChunkMs } = profile;
  const chunkMs = Math.max(1, rawChunkMs);
  const ends: number[] = [];
  let playAtMs = nowMs;
  let lead = 0;
  segments.forEach((segment, i) => {
    const audioMs = segment.chars * audioMsPerChar;
    const freeAtMs = i >= concurrency ? (ends[i - concurrency] ?? 0) : Number.NEGATIVE_INFINITY;
    const startMs = i === 0 ? nowMs - firstChunkMs - Math.min(chunkMs, audioMs) * rtf : Math.max(segment.readyAtMs, freeAtMs);
    const chunks = Math.max(1, Math.ceil(audioMs / chunkMs));
    for (let k = 0; k < chunks; k++) {
      const producedMs = startMs + firstChunkMs + Math.min(audioMs, (k + 1) * chunkMs) * rtf;
      lead = Math.max(lead, producedMs - (playAtMs + k * chunkMs));
    }
    ends.push(startMs + firstChunkMs + audioMs * rtf);
    playAtMs += audioMs;
  });
  return Math.max(0, lead);
}
