import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { AbortError, VoxpipeError, voiceNotFoundError } from "@voxpipe/core";
import { adapterError, networkCode, parseRetryAfter, type ByteStreamDeadline, type Redactor } from "@voxpipe/core/adapter-kit";

/** What the error mapping needs to know about the request that failed. */
export interface FailureContext {
  /** The endpoint, e.g. `https://api.openai.com/v1/audio/speech` (already masked). */
  url: string;
  /** Masks the key, the header values and URL credentials in anything a server echoes back. */
  redactor: Redactor;
  /** The voice the request asked for. */
  voice: string;
  /** The request's own signal fired (a user abort, not a failure). */
  aborted: boolean;
  /** A watchdog deadline that fired, if any. */
  deadline: ByteStreamDeadline | undefined;
  firstAudioTimeoutMs: number;
  idleTimeoutMs: number;
  /** Audio bytes received before the failure. */
  bytesReceived: number;
}

/** Maps anything the SDK or the body stream threw into a VoxpipeError that never carries a secret. */
export function toTtsError(error: unknown, context: FailureContext): VoxpipeError {
  if (VoxpipeError.isInstance(error)) return context.redactor.redactError(error);
  if (context.aborted) return new AbortError("tts", `Speech request to ${context.url} was aborted.`);
  if (context.deadline) return timeoutError(context);
  if (error instanceof APIUserAbortError) return new AbortError("tts", `Speech request to ${context.url} was aborted.`);
  if (error instanceof APIConnectionTimeoutError) return timeoutError({ ...context, deadline: "first-byte" });
  if (error instanceof APIError && typeof error.status === "number") return statusError(error, context);
  const { url, redactor } = context;
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof APIConnectionError) {
    return adapterError("tts", "tts-unreachable", `Cannot reach the speech server at ${url} (${describeCause(error)}). Check that the server is running and that \`baseURL\` (or OPENAI_BASE_URL) is right.`, redactor, { cause: error });
  }
  const what = context.bytesReceived > 0 ? `The speech stream from ${url} broke off after ${context.bytesReceived} bytes of audio` : `The speech request to ${url} failed before any audio arrived`;
  return adapterError("tts", "tts-stream-dropped", `${what} (${detail}). Retry the segment; if it keeps happening, check the server's logs.`, redactor, { cause: error });
}

function timeoutError(context: FailureContext): VoxpipeError {
  const [what, option, ms] =
    context.deadline === "stall"
      ? ["sent no audio for", "idleTimeoutMs", context.idleTimeoutMs]
      : ["sent no audio within", "firstAudioTimeoutMs", context.firstAudioTimeoutMs];
  const after = context.bytesReceived > 0 ? ` (after ${context.bytesReceived} bytes)` : "";
  return adapterError("tts", "tts-timeout", `The speech server at ${context.url} ${what} ${ms} ms${after}. Raise \`${option}\` for a slow server, or check that it is not overloaded.`, context.redactor);
}

function statusError(error: APIError, { url, redactor, voice }: FailureContext): VoxpipeError {
  const status = error.status as number;
  const serverMessage = serverMessageOf(error);
  const said = serverMessage ? `: ${serverMessage}` : "";
  const extra = { cause: error };
  if (refusesVoice(error)) {
    const hint = `It answered HTTP ${status}${said}. Set the tts option \`voice\` (or the request's voice) to one that server has.`;
    return redactor.redactError(voiceNotFoundError({ backend: `The speech server at ${url}`, voice, hint, cause: error }));
  }
  if (status === 401 || status === 403) {
    return adapterError("tts", "tts-auth", `The speech server at ${url} refused the API key (HTTP ${status}${said}). Set a valid key in \`apiKey\` or OPENAI_API_KEY.`, redactor, extra);
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(error.headers);
    const wait = retryAfterMs === undefined ? "" : ` It asks to wait ${retryAfterMs} ms.`;
    return adapterError("tts", "tts-rate-limited", `The speech server at ${url} is rate limiting requests (HTTP 429${said}).${wait} Slow down or raise your quota.`, redactor, { ...extra, retryAfterMs });
  }
  if (status >= 500) {
    return adapterError("tts", "tts-server-error", `The speech server at ${url} failed (HTTP ${status}${said}). This is usually temporary; retry, or check the server's logs.`, redactor, { ...extra, retryAfterMs: parseRetryAfter(error.headers) });
  }
  return adapterError("tts", "tts-bad-request", `The speech server at ${url} rejected the request (HTTP ${status}${said}). Check \`model\`, \`voice\`, \`speed\` and \`instructions\` in the tts options.`, redactor, extra);
}

/**
 * A 400/404 in OpenAI's error shape that names the voice: `code:
 * "voice_not_found"` (a voxpipe server), or `param: "voice"` (OpenAI marks
 * the request field it refused). Other shapes (e.g. a FastAPI `detail`
 * message) stay `tts-bad-request`: their wording is not reliable to match.
 */
function refusesVoice(error: APIError): boolean {
  if (error.status !== 400 && error.status !== 404) return false;
  return error.code === "voice_not_found" || error.param === "voice";
}

/** The server's own words: the SDK's message without its `<status> ` prefix. */
function serverMessageOf(error: APIError): string {
  const fromBody = (error.error as { message?: unknown } | undefined)?.message;
  if (typeof fromBody === "string") return fromBody;
  return error.message.replace(/^\d{3}\s*/, "").replace(/^status code \(no body\)$/, "");
}

function describeCause(error: Error): string {
  const cause = error.cause as { message?: unknown } | undefined;
  return networkCode(error.cause) ?? (typeof cause?.message === "string" ? cause.message : error.message);
}
