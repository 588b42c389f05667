import { VOICE_NOT_FOUND, VoxpipeError } from "@voxpipe/core";
import { loadEspeakPhonemizer, type EspeakPhonemizer } from "@voxpipe/espeak-phonemizer";

/**
 * The process's shared eSpeak NG phonemizer, with errors that say where a
 * Piper voice's eSpeak voice came from.
 */
export async function loadEspeakEngine(): Promise<EspeakPhonemizer> {
  const engine = await loadEspeakPhonemizer();
  return {
    textToIpa(voice: string, text: string): string {
      try {
        return engine.textToIpa(voice, text);
      } catch (error) {
        if (!VoxpipeError.isInstance(error) || error.code !== VOICE_NOT_FOUND) throw error;
        throw new VoxpipeError({
          code: VOICE_NOT_FOUND,
          stage: "tts",
          message: `piper: ${error.message} The voice came from the voice config's espeak.voice or the "espeakVoice" option.`,
          cause: error,
        });
      }
    },
  };
}
