import { VoxpipeError, type Stage } from "../errors/voxpipe-error.js";
import { retryableHttpErrorKinds, type HttpErrorCode, type HttpErrorKind } from "./http-error-kind.js";
import { containsSecret, redactSecrets } from "./redact-secrets.js";

/** What an adapter error carries besides its code and message. */
export interface AdapterErrorExtra {
  /** Milliseconds the server asked to wait (from Retry-After). */
  retryAfterMs?: number | undefined;
  /** The underlying error or answer; replaced by a redacted copy when it holds a secret. */
  cause?: unknown;
  /** Overrides the kind's default (e.g. a 429 for an exhausted quota is not worth a retry). */
  retryable?: boolean;
}

/**
 * Builds a `stage` VoxpipeError for an HTTP adapter with every secret replaced
 * by `***` in its message and in its cause's message, so an API key a server
 * echoes back never reaches a log. Retryable when the code's kind is one of
 * {@link retryableHttpErrorKinds}, unless `extra.retryable` says otherwise.
 */
export function adapterError<S extends Stage>(stage: S, code: HttpErrorCode<S>, message: string, secrets: readonly string[], extra: AdapterErrorExtra = {}): VoxpipeError {
  const kind = code.slice(stage.length + 1) as HttpErrorKind;
  return new VoxpipeError({
    code,
    stage,
    message: redactSecrets(message, secrets),
    retryable: extra.retryable ?? retryableHttpErrorKinds.has(kind),
    retryAfterMs: extra.retryAfterMs,
    cause: safeCause(extra.cause, secrets),
  });
}

function safeCause(cause: unknown, secrets: readonly string[]): unknown {
  if (cause === undefined) return undefined;
  const text = cause instanceof Error ? `${cause.message} ${String(cause.cause ?? "")}` : String(cause);
  if (!containsSecret(text, secrets)) return cause;
  return new Error(redactSecrets(cause instanceof Error ? cause.message : String(cause), secrets));
}
