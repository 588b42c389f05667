import type { VoiceConfig } from "./voice-config.js";

/**
 * A speaker (number, name from `speaker_id_map`, or a number written as text)
 * → the speaker id; a message saying what exists when it does not fit the voice.
 */
export function resolveSpeaker(speaker: number | string, config: VoiceConfig): { id: number } | { problem: string } {
  const names = Object.keys(config.speakerIdMap);
  const count = Math.max(config.numSpeakers, 1);
  const listing =
    count <= 1
      ? `the voice ${config.path} has a single speaker (0)`
      : `the voice ${config.path} has speakers 0–${count - 1}${names.length > 0 ? ` named ${names.slice(0, 20).join(", ")}${names.length > 20 ? `, … (${names.length} in all)` : ""}` : ""}`;
  if (typeof speaker === "string") {
    const named = config.speakerIdMap[speaker];
    if (named !== undefined) return { id: named };
    if (!/^\d+$/.test(speaker)) return { problem: `speaker "${speaker}" is unknown: ${listing}` };
    speaker = Number(speaker);
  }
  if (speaker >= count) return { problem: `speaker ${speaker} is out of range: ${listing}` };
  return { id: speaker };
}
