import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { AbortError, VoxpipeError, type ByteStreamDeadline } from "@voxpipe/core";

/** What the error mapping needs to know about the request that failed. */
export interface FailureContext {
  /** The endpoint, e.g. `https://api.openai.com/v1/audio/speech`. */
  url: string;
  /** The key in use, so it can be scrubbed from anything a server echoes back. */
  apiKey: string | undefined;
  /** The request's own signal fired (a user abort, not a failure). */
  aborted: boolean;
  /** A watchdog deadline that fired, if any. */
  deadline: ByteStreamDeadline | undefined;
  firstAudioTimeoutMs: number;
  idleTimeoutMs: number;
  /** Audio bytes received before the failure. */
  bytesReceived: number;
}

/** Replaces every occurrence of the API key with `[redacted]`. */
export function redact(text: string, apiKey: string | undefined): string {
  return apiKey ? text.split(apiKey).join("[redacted]") : text;
}

const tts = (fields: Omit<ConstructorParameters<typeof VoxpipeError>[0], "stage">): VoxpipeError =>
  new VoxpipeError({ ...fields, stage: "tts" });

/** Maps anything the SDK or the body stream threw into a VoxpipeError that never carries the key. */
export function toTtsError(error: unknown, context: FailureContext): VoxpipeError {
  if (VoxpipeError.isInstance(error)) return error;
  if (context.aborted) return new AbortError("tts", `Speech request to ${context.url} was aborted.`);
  if (context.deadline) return timeoutError(context);
  const cause = new Error(redact(error instanceof Error ? error.message : String(error), context.apiKey));
  if (error instanceof APIUserAbortError) return new AbortError("tts", `Speech request to ${context.url} was aborted.`);
  if (error instanceof APIConnectionTimeoutError) return timeoutError({ ...context, deadline: "first-byte" });
  if (error instanceof APIError && typeof error.status === "number") return statusError(error, context, cause);
  if (error instanceof APIConnectionError) {
    return tts({
      code: "tts-unreachable",
      message: `Cannot reach the speech server at ${context.url} (${describeCause(error)}). Check that the server is running and that \`baseURL\` (or OPENAI_BASE_URL) is right.`,
      retryable: true,
      cause,
    });
  }
  if (context.bytesReceived > 0) {
    return tts({
      code: "tts-stream-dropped",
      message: `The speech stream from ${context.url} broke off after ${context.bytesReceived} bytes of audio (${redact(cause.message, context.apiKey)}). Retry the segment; if it keeps happening, check the server's logs.`,
      retryable: true,
      cause,
    });
  }
  return tts({
    code: "tts-stream-dropped",
    message: `The speech request to ${context.url} failed before any audio arrived (${cause.message}). Retry the segment; if it keeps happening, check the server's logs.`,
    retryable: true,
    cause,
  });
}

function timeoutError(context: FailureContext): VoxpipeError {
  const [what, option, ms] =
    context.deadline === "stall"
      ? ["sent no audio for", "idleTimeoutMs", context.idleTimeoutMs]
      : ["sent no audio within", "firstAudioTimeoutMs", context.firstAudioTimeoutMs];
  return tts({
    code: "tts-timeout",
    message: `The speech server at ${context.url} ${what} ${ms} ms${context.bytesReceived > 0 ? ` (after ${context.bytesReceived} bytes)` : ""}. Raise \`${option}\` for a slow server, or check that it is not overloaded.`,
    retryable: true,
  });
}

function statusError(error: APIError, context: FailureContext, cause: Error): VoxpipeError {
  const status = error.status as number;
  const serverMessage = redact(serverMessageOf(error), context.apiKey);
  const said = serverMessage ? `: ${serverMessage}` : "";
  if (status === 401 || status === 403) {
    return tts({
      code: "tts-auth",
      message: `The speech server at ${context.url} refused the API key (HTTP ${status}${said}). Set a valid key in \`apiKey\` or OPENAI_API_KEY.`,
      cause,
    });
  }
  if (status === 429) {
    const retryAfterMs = retryAfterOf(error.headers);
    return tts({
      code: "tts-rate-limited",
      message: `The speech server at ${context.url} is rate limiting requests (HTTP 429${said}).${retryAfterMs === undefined ? "" : ` It asks to wait ${retryAfterMs} ms.`} Slow down or raise your quota.`,
      retryable: true,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      cause,
    });
  }
  if (status >= 500) {
    return tts({
      code: "tts-server-error",
      message: `The speech server at ${context.url} failed (HTTP ${status}${said}). This is usually temporary; retry, or check the server's logs.`,
      retryable: true,
      cause,
    });
  }
  return tts({
    code: "tts-bad-request",
    message: `The speech server at ${context.url} rejected the request (HTTP ${status}${said}). Check \`model\`, \`voice\`, \`speed\` and \`instructions\` in the tts options.`,
    cause,
  });
}

/** The server's own words: the SDK's message without its `<status> ` prefix. */
function serverMessageOf(error: APIError): string {
  const fromBody = (error.error as { message?: unknown } | undefined)?.message;
  if (typeof fromBody === "string") return fromBody;
  return error.message.replace(/^\d{3}\s*/, "").replace(/^status code \(no body\)$/, "");
}

/** Milliseconds from `retry-after-ms`, or `retry-after` in seconds or as an HTTP date. */
export function retryAfterOf(headers: Headers | undefined): number | undefined {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function describeCause(error: Error): string {
  const cause = error.cause as { code?: unknown; message?: unknown; cause?: { code?: unknown } } | undefined;
  const code = cause?.code ?? cause?.cause?.code;
  if (typeof code === "string") return code;
  return typeof cause?.message === "string" ? cause.message : error.message;
}
