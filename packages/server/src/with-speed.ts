import type { TtsProvider } from "@voxpipe/core";

/** A TTS provider that asks `tts` for every request at `speed` (1 = normal). */
export function withSpeed(tts: TtsProvider, speed: number): TtsProvider {
  return {
    id: tts.id,
    voice: tts.voice,
    format: tts.format,
    streaming: tts.streaming,
    synthesize: (request) => tts.synthesize({ ...request, speed: (request.speed ?? 1) * speed }),
  };
}
