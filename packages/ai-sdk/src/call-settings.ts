import type { SharedV4Warning } from "@ai-sdk/provider";
import type { TtsProvider } from "@voxpipe/core";
import type { TtsRequestDefaults } from "./tts-with-request-defaults.js";

/** TTS backends whose voices are named by language code (eSpeak NG: "en", "fr", "pt-br"), so `language` can pick the voice. */
const voicesAreLanguages = new Set(["espeak"]);

/** The options of a speech call that voxpipe maps onto its TTS requests. */
export interface SpeechCallSettings {
  voice?: string;
  speed?: number;
  language?: string;
  instructions?: string;
}

/**
 * Maps a call's `voice`, `speed` and `language` onto TTS request defaults for
 * the primary backend, and warns about what the backend cannot do.
 * `voice` goes to the primary backend only (voice names are backend-specific);
 * `speed` to every backend; `language` selects the voice of backends whose
 * voices are languages, when no `voice` is given.
 */
export function mapCallSettings(call: SpeechCallSettings, primary: TtsProvider): { defaults: TtsRequestDefaults; warnings: SharedV4Warning[] } {
  const warnings: SharedV4Warning[] = [];
  const defaults: TtsRequestDefaults = {};
  if (call.voice !== undefined) defaults.voice = call.voice;
  if (call.speed !== undefined) {
    if (Number.isFinite(call.speed) && call.speed > 0) defaults.speed = call.speed;
    else warnings.push({ type: "unsupported", feature: "speed", details: `expected a positive number (1 = normal), got ${call.speed}; speaking at normal speed.` });
  }
  if (call.language !== undefined && call.language !== "auto") {
    if (call.voice === undefined && voicesAreLanguages.has(primary.id)) defaults.voice = call.language.toLowerCase();
    else if (call.voice === undefined) warnings.push({ type: "unsupported", feature: "language", details: `the TTS backend ${primary.id} picks its language by voice; set \`voice\` to one that speaks "${call.language}".` });
  }
  if (call.instructions !== undefined) warnings.push({ type: "unsupported", feature: "instructions", details: "voxpipe's TTS backends take no instructions; use `voice` and `speed`." });
  return { defaults, warnings };
}
