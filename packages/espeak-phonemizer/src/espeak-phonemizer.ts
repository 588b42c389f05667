import type { EspeakModule, ESpeakNGWorker } from "@echogarden/espeak-ng-emscripten";
import { TextDecoder } from "node:util";
import { VoxpipeError, voiceNotFoundError } from "@voxpipe/core";

/** Turns text into raw eSpeak IPA for a voice: phonemes separated by `_`, words by spaces, eSpeak's clauses by ` | `. */
export interface EspeakPhonemizer {
  /** Throws core's `voice-not-found` (`voiceNotFoundError`) when eSpeak NG has no voice `voice`. */
  textToIpa(voice: string, text: string): string;
}

let shared: Promise<EspeakPhonemizer> | undefined;

/**
 * The eSpeak NG WebAssembly engine (about 24 MB of voice data), loaded on
 * first use and shared by every adapter in the process that phonemizes with
 * it. Phonemizing is synchronous, so calls never interleave, and the selected
 * voice is tracked here, in the one place that changes it.
 */
export function loadEspeakPhonemizer(): Promise<EspeakPhonemizer> {
  shared ??= createPhonemizer().catch((error: unknown) => {
    shared = undefined;
    throw new VoxpipeError({
      code: "phonemizer-failed",
      stage: "tts",
      message:
        `could not load the eSpeak NG phonemizer (@echogarden/espeak-ng-emscripten): ${error instanceof Error ? error.message : String(error)}. ` +
        "Reinstall the TTS adapter's dependencies (@voxpipe/espeak-phonemizer and its @echogarden/espeak-ng-emscripten).",
      cause: error,
    });
  });
  return shared;
}

async function createPhonemizer(): Promise<EspeakPhonemizer> {
  const { default: initialize } = await import("@echogarden/espeak-ng-emscripten");
  const module = await initialize();
  const worker = new module.eSpeakNGWorker();
  let currentVoice: string | undefined;
  const decoder = new TextDecoder();
  return {
    textToIpa(voice: string, text: string): string {
      if (voice !== currentVoice) {
        if (worker.set_voice(voice) !== 0) {
          currentVoice = undefined;
          throw voiceNotFoundError({
            backend: "eSpeak NG",
            voice,
            hint: 'Use an eSpeak NG language code such as "en-us", "en" (British), "de" or "fr".',
          });
        }
        currentVoice = voice;
      }
      return readAndFree(module, worker, text, decoder);
    },
  };
}

function readAndFree(module: EspeakModule, worker: ESpeakNGWorker, text: string, decoder: TextDecoder): string {
  const pointer = worker.text_to_phonemes(text, 1).ptr;
  if (pointer === 0) return "";
  try {
    const heap = module.HEAPU8;
    let end = pointer;
    while (heap[end] !== 0) end++;
    return decoder.decode(heap.subarray(pointer, end));
  } finally {
    module._free(pointer);
  }
}
