import { AbortError, VoxpipeError } from "@voxpipe/core";
import { adapterError, networkCode, parseRetryAfter, type ByteStreamDeadline, type Redactor } from "@voxpipe/core/adapter-kit";

/** What the error mapping needs to know about the request that failed. */
export interface FailureContext {
  /** The endpoint, e.g. `http://127.0.0.1:9880/tts` (already masked). */
  url: string;
  /** Masks URL credentials (and anything else secret) in what the server or fetch echo back. */
  redactor: Redactor;
  /** The request's own signal fired (a user abort, not a failure). */
  aborted: boolean;
  /** A watchdog deadline that fired, if any. */
  deadline: ByteStreamDeadline | undefined;
  firstAudioTimeoutMs: number;
  idleTimeoutMs: number;
  /** The response headers had arrived. */
  responded: boolean;
  /** Body bytes received before the failure. */
  bytesReceived: number;
}

/** Maps what fetch or the body stream threw into a VoxpipeError. */
export function toTtsError(error: unknown, context: FailureContext): VoxpipeError {
  if (VoxpipeError.isInstance(error)) return context.redactor.redactError(error);
  if (context.aborted) return new AbortError("tts", `GPT-SoVITS request to ${context.url} was aborted.`);
  if (context.deadline) {
    const [what, option, ms] =
      context.deadline === "stall"
        ? ["stopped sending audio for", "idleTimeoutMs", context.idleTimeoutMs]
        : ["sent no audio within", "firstAudioTimeoutMs", context.firstAudioTimeoutMs];
    const after = context.bytesReceived > 0 ? ` (after ${context.bytesReceived} bytes)` : "";
    return adapterError("tts", "tts-timeout", `GPT-SoVITS at ${context.url} ${what} ${ms} ms${after}. Raise \`${option}\` for a slow machine (CPU inference, or \`streamingMode: false\` on long text), or check the server's console.`, context.redactor);
  }
  const cause = error instanceof Error ? error : new Error(String(error));
  if (!context.responded && isConnectionFailure(cause)) {
    return adapterError("tts", "tts-unreachable", `Cannot reach GPT-SoVITS at ${context.url} (${describeCause(cause)}). Start it with \`python api_v2.py -a 127.0.0.1 -p 9880\` or fix \`baseURL\`.`, context.redactor, { cause });
  }
  return adapterError("tts", "tts-stream-dropped", `The audio stream from GPT-SoVITS at ${context.url} broke off after ${context.bytesReceived} bytes (${describeCause(cause)}). The server may have failed mid-synthesis: check its console, then retry.`, context.redactor, { cause });
}

/** Maps a non-2xx answer and its body into a VoxpipeError carrying the server's message (and, for a 5xx, the wait its Retry-After asks for). */
export function statusError(status: number, bodyText: string, url: string, redactor: Redactor, headers?: Headers): VoxpipeError {
  const serverMessage = serverMessageOf(bodyText);
  const said = serverMessage ? `: ${serverMessage}` : "";
  if (status >= 500) {
    return adapterError("tts", "tts-server-error", `GPT-SoVITS at ${url} failed (HTTP ${status}${said}). Check the server's console; retrying may help.`, redactor, { retryAfterMs: parseRetryAfter(headers) });
  }
  const hint =
    status === 404
      ? " Is this a GPT-SoVITS api_v2 server (`api_v2.py`, not the older `api.py`)?"
      : " Check `refAudioPath` (a path on the server), `promptLang`, `textLang` and `textSplitMethod` in the tts options.";
  return adapterError("tts", "tts-bad-request", `GPT-SoVITS at ${url} rejected the request (HTTP ${status}${said}).${hint}`, redactor);
}

/**
 * api_v2 answers `{ "message": "…", "Exception": "…" }`; FastAPI's own
 * validation answers `{ "detail": [{ "loc": […], "msg": "…" }] }`.
 */
export function serverMessageOf(bodyText: string): string {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return bodyText.trim().slice(0, 500);
  }
  if (typeof body !== "object" || body === null) return String(body);
  const { message, Exception: exception, detail } = body as { message?: unknown; Exception?: unknown; detail?: unknown };
  if (typeof message === "string") return typeof exception === "string" && exception ? `${message} (${exception})` : message;
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((item: { loc?: unknown; msg?: unknown }) => (Array.isArray(item?.loc) ? `${item.loc.join(".")}: ${String(item.msg)}` : String(item?.msg ?? JSON.stringify(item))))
      .join("; ");
  }
  return bodyText.trim().slice(0, 500);
}

function isConnectionFailure(error: Error): boolean {
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return error.name === "TypeError" && (typeof code === "string" || error.message === "fetch failed");
}

function describeCause(error: Error): string {
  const cause = error.cause as { message?: unknown } | undefined;
  return networkCode(error.cause) ?? (typeof cause?.message === "string" ? cause.message : error.message);
}
