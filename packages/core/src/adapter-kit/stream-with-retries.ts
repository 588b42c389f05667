import type { LlmStreamPart } from "../llm/llm-stream-part.js";
import { abortableSleep } from "../util/abortable-sleep.js";

/** When and how long to retry a failed LLM request. */
export interface RetryPolicy {
  /** Extra attempts after the first, for retryable failures before anything was streamed. */
  retries: number;
  /** Backoff before retry n (0-based) is `retryDelayMs * 2^n`, unless the server sent Retry-After. */
  retryDelayMs: number;
  /** Longest wait the adapter accepts; a longer Retry-After is reported as the error instead. */
  maxRetryDelayMs: number;
}

/**
 * Runs `attempt` and retries it on a retryable `error` part, but only while
 * nothing has been streamed: once a part went out, a retry would say things
 * twice, so the error is reported as it is. An abort during the backoff ends
 * the stream with a `finish` part of reason `abort`.
 */
export async function* streamWithRetries(
  attempt: (index: number) => AsyncIterable<LlmStreamPart>,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  log: (level: "debug" | "info" | "warn", message: string) => void,
): AsyncGenerator<LlmStreamPart> {
  for (let index = 0; ; index++) {
    let delivered = false;
    let failure: Extract<LlmStreamPart, { type: "error" }> | undefined;
    for await (const part of attempt(index)) {
      if (part.type === "error") {
        failure = part;
        break;
      }
      delivered = true;
      yield part;
    }
    if (!failure) return;
    const wait = failure.error.retryAfterMs ?? policy.retryDelayMs * 2 ** index;
    if (delivered || !failure.error.retryable || index >= policy.retries || wait > policy.maxRetryDelayMs) {
      yield failure;
      return;
    }
    log("warn", `${failure.error.message} Retrying in ${wait} ms (attempt ${index + 2} of ${policy.retries + 1}).`);
    try {
      await abortableSleep(wait, signal, "llm");
    } catch {
      yield { type: "finish", reason: "abort" };
      return;
    }
  }
}
