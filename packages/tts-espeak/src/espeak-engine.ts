import type { EspeakEvent, EspeakModule, EspeakVoiceEntry, EspeakWorker, InitializeEspeak } from "./espeak-wasm.js";
import { VoxpipeError, pcm16ToFloat, voiceNotFoundError } from "@voxpipe/core";

/** The sample rate the WebAssembly build of eSpeak NG produces. */
export const ESPEAK_SAMPLE_RATE = 22050;

/** Settings applied to the engine right before each call. */
export interface EngineSettings {
  voice: string;
  /** Words per minute, already clamped to what eSpeak honours. */
  rate: number;
  pitch: number;
  volume: number;
}

/** What one engine call produced. */
export interface EngineOutput {
  pcm: Float32Array;
  events: EspeakEvent[];
}

/** Pauses (ms of silence) eSpeak puts after a sentence and after a clause with these settings. */
export interface EnginePauses {
  sentence: number;
  clause: number;
}

/**
 * One eSpeak NG instance. Every method is synchronous and applies its settings
 * itself, so calls from concurrent requests can interleave between calls but
 * never within one: that is what keeps them from corrupting each other.
 */
export interface EspeakEngine {
  readonly sampleRate: number;
  /** Synthesizes `ssmlText` (already escaped) with `settings`. Throws core's `voice-not-found` (`voiceNotFoundError`) for an unknown voice. */
  synthesize(ssmlText: string, settings: EngineSettings): EngineOutput;
  /** Pause lengths for `settings`, measured once per voice/rate/pitch and cached. */
  pauses(settings: EngineSettings): EnginePauses;
  /** The voices this build knows. */
  voices(): EspeakVoiceEntry[];
  /** Frees the instance; the module's memory goes with the last reference. */
  dispose(): void;
}

/** Names `voice` accepts: voice file names (`en-us`, `cmn`) and language codes (`zh`), lower-case, sorted. */
export function voiceNames(voices: readonly EspeakVoiceEntry[]): string[] {
  const names = voices.flatMap((voice) => [
    (voice.identifier.split("/").pop() ?? voice.identifier).toLowerCase(),
    ...voice.languages.map((language) => language.name.toLowerCase()),
  ]);
  return [...new Set(names)].sort();
}

/** The identifier of the voice that best speaks `language` (lowest priority number), if any. */
function voiceForLanguage(voices: readonly EspeakVoiceEntry[], language: string): string | undefined {
  let best: { identifier: string; priority: number } | undefined;
  for (const voice of voices) {
    for (const entry of voice.languages) {
      if (entry.name.toLowerCase() === language && (!best || entry.priority < best.priority)) best = { identifier: voice.identifier, priority: entry.priority };
    }
  }
  return best?.identifier;
}

function unknownVoiceError(voice: string, known: readonly string[]): VoxpipeError {
  const family = voice.toLowerCase().split(/[-_+]/)[0] ?? "";
  const related = known.filter((name) => name.split("-")[0] === family);
  const common = ["en-us", "en-gb", "de", "fr", "es", "it", "pt-br", "nl", "ru", "cmn", "ja", "hi"];
  const suggestions = related.length > 0 ? related : common;
  return voiceNotFoundError({
    backend: "eSpeak NG",
    voice,
    known: suggestions,
    hint: `Set the tts option \`voice\` (or the request's voice) to one it knows (${known.length} in all; a variant may follow "+", as in "en-us+f3").`,
  });
}

/** Loads the WebAssembly module (about 24 MB of voice data) and creates the synthesizer. */
export async function loadEspeakEngine(): Promise<EspeakEngine> {
  let worker: EspeakWorker;
  try {
    const imported = (await import("@echogarden/espeak-ng-emscripten")) as { default: InitializeEspeak };
    const module: EspeakModule = await imported.default();
    worker = new module.eSpeakNGWorker();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new VoxpipeError({
      code: "tts-engine-load-failed",
      stage: "tts",
      message:
        `Could not load eSpeak NG from @echogarden/espeak-ng-emscripten (${reason}). ` +
        "Reinstall @voxpipe/tts-espeak so that package and its espeak-ng.data file are present.",
      cause,
    });
  }
  const sampleRate = worker.get_samplerate();
  if (sampleRate !== ESPEAK_SAMPLE_RATE) {
    worker.__destroy__();
    throw new VoxpipeError({
      code: "tts-engine-load-failed",
      stage: "tts",
      message: `eSpeak NG reports ${sampleRate} Hz, but @voxpipe/tts-espeak expects ${ESPEAK_SAMPLE_RATE} Hz; use @echogarden/espeak-ng-emscripten 0.3.5.`,
    });
  }

  let currentVoice: string | undefined;
  let knownVoices: EspeakVoiceEntry[] | undefined;
  const pauseCache = new Map<string, EnginePauses>();
  const voices = (): EspeakVoiceEntry[] => (knownVoices ??= worker.list_voices());

  /** Selects a voice by file name (`en-us`), identifier (`gmw/en-US`) or language code (`zh`), with an optional `+variant`. */
  const selectVoice = (voice: string): void => {
    if (worker.set_voice(voice) === 0) return;
    const [base = "", ...variant] = voice.split("+");
    const identifier = voiceForLanguage(voices(), base.toLowerCase());
    const withVariant = identifier && [identifier, ...variant].join("+");
    if (withVariant && worker.set_voice(withVariant) === 0) return;
    throw unknownVoiceError(voice, voiceNames(voices()));
  };

  const apply = (settings: EngineSettings): void => {
    if (settings.voice !== currentVoice) {
      currentVoice = undefined;
      selectVoice(settings.voice);
      currentVoice = settings.voice;
    }
    worker.set_rate(settings.rate);
    worker.set_pitch(settings.pitch);
    worker.set_volume(settings.volume);
  };

  const synthesize = (ssmlText: string, settings: EngineSettings): EngineOutput => {
    apply(settings);
    const parts: Int16Array[] = [];
    const events: EspeakEvent[] = [];
    let length = 0;
    worker.synthesize(ssmlText, (samples, chunkEvents) => {
      if (samples && samples.length > 0) {
        parts.push(samples);
        length += samples.length;
      }
      events.push(...chunkEvents);
      return false;
    });
    const pcm16 = new Int16Array(length);
    let offset = 0;
    for (const part of parts) {
      pcm16.set(part, offset);
      offset += part.length;
    }
    return { pcm: pcm16ToFloat(pcm16), events };
  };

  const pauses = (settings: EngineSettings): EnginePauses => {
    const key = `${settings.voice}|${settings.rate}|${settings.pitch}`;
    const cached = pauseCache.get(key);
    if (cached) return cached;
    // One call with a clause break and a sentence break, one without: the pause
    // after each break is the time from where the speech stops to where the next
    // word starts, less the short tail that a call ends with anyway.
    const single = synthesize("Hello there.", settings);
    const singleMs = (single.pcm.length / ESPEAK_SAMPLE_RATE) * 1000;
    const singleStop = single.events.find((event) => event.type === "phoneme" && event.id === "")?.audio_position ?? singleMs;
    const tail = Math.max(0, singleMs - singleStop);
    const probe = synthesize("Hello there, hello there. Hello there.", settings).events;
    const gapBeforeWord = (wordIndex: number): number => {
      const words = probe.filter((event) => event.type === "word");
      const next = words[wordIndex];
      if (!next) return 0;
      const stop = probe.find(
        (event) => event.type === "phoneme" && event.id === "" && event.audio_position > (words[wordIndex - 1]?.audio_position ?? 0),
      );
      return Math.max(0, next.audio_position - (stop?.audio_position ?? next.audio_position) - tail);
    };
    const result = { clause: gapBeforeWord(2), sentence: gapBeforeWord(4) };
    pauseCache.set(key, result);
    return result;
  };

  return {
    sampleRate,
    synthesize,
    pauses,
    voices,
    dispose: () => worker.__destroy__(),
  };
}
