import { VoxpipeError, type Stage } from "../errors/voxpipe-error.js";
import type { Redactor } from "../redaction/redactor.js";
import { retryableHttpErrorKinds, type HttpErrorCode, type HttpErrorKind } from "./http-error-kind.js";

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
 * Builds a `stage` VoxpipeError for an HTTP adapter with every secret masked
 * by `redactor` in its message and its cause chain, so an API key, a header
 * value or URL credentials a server echoes back never reach a log. Retryable
 * when the code's kind is one of {@link retryableHttpErrorKinds}, unless
 * `extra.retryable` says otherwise.
 */
export function adapterError<S extends Stage>(stage: S, code: HttpErrorCode<S>, message: string, redactor: Redactor, extra: AdapterErrorExtra = {}): VoxpipeError {
  const kind = code.slice(stage.length + 1) as HttpErrorKind;
  return redactor.redactError(
    new VoxpipeError({
      code,
      stage,
      message,
      retryable: extra.retryable ?? retryableHttpErrorKinds.has(kind),
      retryAfterMs: extra.retryAfterMs,
      cause: extra.cause,
    }),
  );
}
