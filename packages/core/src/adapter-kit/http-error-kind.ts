import type { Stage } from "../errors/voxpipe-error.js";

/**
 * How a request to a model server failed, as the part after the stage in an
 * error code: `llm-unreachable`, `tts-auth`, …
 * - `unreachable`: no answer at all (refused, unknown host, wrong URL).
 * - `auth`: 401/403, a missing or wrong key.
 * - `model-not-found`: the server has no such model.
 * - `rate-limited`: 429.
 * - `server-error`: 5xx, or an error the server reported mid-stream.
 * - `bad-request`: another 4xx, usually a wrong option.
 * - `stream-dropped`: the connection closed before the reply was complete.
 * - `malformed-chunk`: a piece of the stream the adapter cannot read.
 * - `timeout`: a deadline of the adapter passed.
 */
export const httpErrorKinds = [
  "unreachable",
  "auth",
  "model-not-found",
  "rate-limited",
  "server-error",
  "bad-request",
  "stream-dropped",
  "malformed-chunk",
  "timeout",
] as const;

/** One of {@link httpErrorKinds}. */
export type HttpErrorKind = (typeof httpErrorKinds)[number];

/** An error code of a stage's HTTP adapter, e.g. `llm-timeout` or `tts-rate-limited`. */
export type HttpErrorCode<S extends Stage = Stage> = `${S}-${HttpErrorKind}`;

/** The kinds a second try may cure; `adapterError` marks them retryable unless told otherwise. */
export const retryableHttpErrorKinds: ReadonlySet<HttpErrorKind> = new Set<HttpErrorKind>(["unreachable", "rate-limited", "server-error", "stream-dropped", "timeout"]);
