import type { TtsProvider } from "@voxpipe/core";

/** Voice and speed a speech call asks for, applied to every segment's request. */
export interface TtsRequestDefaults {
  voice?: string;
  speed?: number;
}

/** A TTS provider that speaks every request with `defaults` (the pipeline's requests carry only text and a signal). */
export function ttsWithRequestDefaults(tts: TtsProvider, defaults: TtsRequestDefaults): TtsProvider {
  if (defaults.voice === undefined && defaults.speed === undefined) return tts;
  return {
    id: tts.id,
    voice: defaults.voice ?? tts.voice,
    format: tts.format,
    streaming: tts.streaming,
    ...(tts.normalization ? { normalization: tts.normalization } : {}),
    synthesize: (request) =>
      tts.synthesize({
        ...request,
        ...(defaults.voice !== undefined && request.voice === undefined ? { voice: defaults.voice } : {}),
        ...(defaults.speed !== undefined && request.speed === undefined ? { speed: defaults.speed } : {}),
      }),
    ...(tts.load ? { load: () => tts.load!() } : {}),
  };
}
