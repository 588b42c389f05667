import { VoxpipeError } from "@voxpipe/core";

/** The error codes this adapter reports. */
export type LlmErrorCode =
  | "llm-unreachable"
  | "llm-auth"
  | "llm-model-not-found"
  | "llm-rate-limited"
  | "llm-server-error"
  | "llm-bad-request"
  | "llm-stream-dropped"
  | "llm-malformed-chunk"
  | "llm-timeout";

/** Retryable unless said otherwise: what may succeed on a second try. */
const retryableCodes = new Set<LlmErrorCode>(["llm-unreachable", "llm-rate-limited", "llm-server-error", "llm-stream-dropped", "llm-timeout"]);

/**
 * Builds an `llm` stage VoxpipeError with every secret replaced by `***` in
 * its message and in its cause's message, so an API key a server echoes back
 * never reaches a log.
 */
export function llmError(
  code: LlmErrorCode,
  message: string,
  secrets: readonly string[],
  extra: { retryAfterMs?: number | undefined; cause?: unknown; retryable?: boolean } = {},
): VoxpipeError {
  return new VoxpipeError({
    code,
    stage: "llm",
    message: redact(message, secrets),
    retryable: extra.retryable ?? retryableCodes.has(code),
    retryAfterMs: extra.retryAfterMs,
    cause: safeCause(extra.cause, secrets),
  });
}

/** `text` with every secret (of 4 characters or more) replaced by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length >= 4) result = result.split(secret).join("***");
  return result;
}

function safeCause(cause: unknown, secrets: readonly string[]): unknown {
  if (cause === undefined) return undefined;
  const text = cause instanceof Error ? `${cause.message} ${String(cause.cause ?? "")}` : String(cause);
  if (!secrets.some((secret) => secret.length >= 4 && text.includes(secret))) return cause;
  return new Error(redact(cause instanceof Error ? cause.message : String(cause), secrets));
}

/** A server's error text, shortened for a message. */
export function shorten(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
