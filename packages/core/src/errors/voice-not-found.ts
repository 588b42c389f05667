import { VoxpipeError } from "./voxpipe-error.js";

/**
 * The one code for "the requested voice is not one this backend has", for
 * every TTS adapter. Callers (the server answers 400 `voice_not_found` with
 * it) check this code, never an adapter's own.
 */
export const VOICE_NOT_FOUND = "voice-not-found";

/** How many known voices a message names before it says how many more there are. */
const SHOWN_VOICES = 12;

/** What {@link voiceNotFoundError} says. */
export interface VoiceNotFoundDetails {
  /** Who lacks the voice, as users know it, e.g. `eSpeak NG`, `piper (en_US-lessac-medium)`. */
  backend: string;
  /** The voice as it was asked for. */
  voice: string;
  /** Voices the backend has (or the closest ones), named in the message; the first few are shown. */
  known?: readonly string[] | undefined;
  /** What to do, in place of the default advice (pick a listed voice, or one the backend documents). */
  hint?: string | undefined;
  /** The underlying error, kept for debugging. */
  cause?: unknown;
}

/**
 * A `tts` VoxpipeError with code {@link VOICE_NOT_FOUND}, not retryable, whose
 * message names the voice, the backend, some voices it does have and what to
 * do: `eSpeak NG has no voice "en-zz"; it has e.g. "en", "en-gb". Set …`.
 * Throw it from `synthesize` (or `create`, for a configured voice) whenever a
 * voice name matches nothing the backend has.
 */
export function voiceNotFoundError(details: VoiceNotFoundDetails): VoxpipeError {
  const known = details.known ?? [];
  const shown = known.slice(0, SHOWN_VOICES).map((name) => `"${name}"`).join(", ");
  const more = known.length > SHOWN_VOICES ? ` and ${known.length - SHOWN_VOICES} more` : "";
  const has = known.length > 0 ? `; it has e.g. ${shown}${more}` : "";
  const hint = details.hint ?? (known.length > 0 ? "Ask for one of those voices, or leave `voice` unset to use the configured one." : "Ask for a voice the backend lists (see its documentation), or leave `voice` unset to use the configured one.");
  return new VoxpipeError({
    code: VOICE_NOT_FOUND,
    stage: "tts",
    message: `${details.backend} has no voice "${details.voice}"${has}. ${hint}`,
    retryable: false,
    cause: details.cause,
  });
}
