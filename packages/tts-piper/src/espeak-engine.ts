import type { EspeakModule, ESpeakNGWorker } from "@echogarden/espeak-ng-emscripten";
import { TextDecoder } from "node:util";
import { VoxpipeError } from "@voxpipe/core";

/** Turns the text of one clause into raw eSpeak IPA for a voice (clauses inside it separated by ` | `). */
export interface EspeakEngine {
  textToIpa(voice: string, text: string): string;
}

let shared: Promise<EspeakEngine> | undefined;

/**
 * The eSpeak NG WebAssembly engine, loaded on first use and shared by every
 * Piper voice in the process (phonemizing is synchronous, so calls never interleave).
 */
export function loadEspeakEngine(): Promise<EspeakEngine> {
  shared ??= createEngine().catch((error: unknown) => {
    shared = undefined;
    throw new VoxpipeError({
      code: "phonemizer-failed",
      stage: "tts",
      message: `piper: could not load the eSpeak NG phonemizer (@echogarden/espeak-ng-emscripten): ${error instanceof Error ? error.message : String(error)}. Reinstall @voxpipe/tts-piper's dependencies.`,
      cause: error,
    });
  });
  return shared;
}

async function createEngine(): Promise<EspeakEngine> {
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
          throw new VoxpipeError({
            code: "invalid-voice",
            stage: "tts",
            message: `piper: eSpeak NG has no voice "${voice}" (from the voice config's espeak.voice or the "espeakVoice" option). Use an eSpeak NG language code such as "en-us", "de" or "fr".`,
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
