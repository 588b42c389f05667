import { VOICE_NOT_FOUND, type PipelineEvent } from "@voxpipe/core";
import { badRequest, type ApiError } from "./api-error.js";

/** OpenAI's built-in voice names, which stock clients send whatever the server (`alloy` is the SDKs' usual example). */
export const openAiVoiceNames: readonly string[] = ["alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse", "marin", "cedar"];

/** How a request's `voice` is spoken. */
export interface RequestVoice {
  /** The name the request gave. */
  readonly requested: string;
  /** The backend voice to ask for; undefined: the configured voice. */
  readonly voice: string | undefined;
  /** `mapped`: found in `server.voices`; `default`: an OpenAI name not mapped, so the configured voice speaks; `passed`: given to the backend as it is. */
  readonly source: "mapped" | "default" | "passed";
  /** Said in the `x-voxpipe-warning` header, for a voice that was not honoured as asked. */
  readonly warning: string | undefined;
}

/**
 * The voice policy: a name in `server.voices` is its mapped backend voice; one
 * of OpenAI's names not mapped gets the configured voice (so stock clients
 * work), with a warning; any other name goes to the backend as it is.
 */
export function resolveRequestVoice(voice: string | { id: string }, voices: Readonly<Record<string, string>>): RequestVoice {
  const requested = typeof voice === "string" ? voice : voice.id;
  const mapped = Object.hasOwn(voices, requested) ? voices[requested] : undefined;
  if (mapped !== undefined) return { requested, voice: mapped, source: "mapped", warning: undefined };
  if (openAiVoiceNames.includes(requested.toLowerCase())) {
    return { requested, voice: undefined, source: "default", warning: `voice "${requested}" is not in server.voices, so the configured voice speaks` };
  }
  return { requested, voice: requested, source: "passed", warning: undefined };
}

/**
 * A run's failure as the client's mistake when the backend did not know the
 * voice the request passed through (core's `voice-not-found`, which every
 * adapter uses for that): a 400 naming the voice, with the backend's own
 * words (eSpeak NG's name close ones). Undefined for any other failure.
 */
export function unknownVoiceError(event: Extract<PipelineEvent, { type: "error" }>, voice: RequestVoice, where: string, param: string): ApiError | undefined {
  if (voice.source !== "passed" || event.code !== VOICE_NOT_FOUND) return undefined;
  return badRequest(`${where}: voice "${voice.requested}" is not a voice of this server's TTS backend (${event.message}); use a name from GET /v1/audio/voices or one the backend knows`, param, "voice_not_found");
}
