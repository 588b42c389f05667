import type { VoxpipeError } from "@voxpipe/core";
import { adapterError, networkCode, parseRetryAfter, shortenText, type Redactor, type StreamTimeoutKind } from "@voxpipe/core/adapter-kit";
import { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";

/** Builds the adapter's classified errors for one server and model; names the URL and the model, with every secret masked by the adapter's redactor. */
export class OpenaiErrors {
  readonly baseURL: string;
  readonly model: string;
  readonly #secrets: Redactor;
  readonly #connectTimeoutMs: number;

  constructor(baseURL: string, model: string, secrets: Redactor, connectTimeoutMs: number) {
    this.baseURL = baseURL;
    this.model = model;
    this.#secrets = secrets;
    this.#connectTimeoutMs = connectTimeoutMs;
  }

  /** Classifies whatever the SDK threw (timeouts and aborts are handled by the caller). */
  classify(error: unknown, deliveredChars: number): VoxpipeError {
    if (error instanceof APIConnectionTimeoutError) return this.timeout("connect", this.#connectTimeoutMs);
    if (error instanceof APIConnectionError) return this.unreachable(error);
    if (error instanceof APIError && typeof error.status === "number") return this.fromStatus(error);
    if (error instanceof APIError) {
      return adapterError("llm", "llm-server-error", `${this.baseURL} reported an error in the middle of the stream for "${this.model}": ${shortenText(maskKeys(error.message))}`, this.#secrets, { cause: error });
    }
    if (error instanceof SyntaxError) return this.malformed(error);
    return this.dropped(error, deliveredChars);
  }

  unreachable(cause: unknown): VoxpipeError {
    const detail = networkCode(cause);
    return adapterError("llm", "llm-unreachable", `Cannot reach ${this.baseURL}${detail ? ` (${detail})` : ""}. Check that the server is running and that \`baseURL\` (or OPENAI_BASE_URL) points at it, including the /v1 suffix.`, this.#secrets, { cause });
  }

  fromStatus(error: APIError): VoxpipeError {
    const status = error.status ?? 0;
    const said = shortenText(maskKeys(error.message.replace(/^\d{3}\s*/, "")));
    const retryAfterMs = parseRetryAfter(error.headers);
    const cause = error;
    if (status === 401 || status === 403) {
      return adapterError("llm", "llm-auth", `${this.baseURL} refused the request (${status}: ${said}). Set \`apiKey\` or OPENAI_API_KEY to a key that is valid for this server${status === 403 ? " and allowed to use this model" : ""}.`, this.#secrets, { cause });
    }
    if (status === 404 && (error.code === "model_not_found" || /model/i.test(said))) {
      return adapterError("llm", "llm-model-not-found", `${this.baseURL} has no model "${this.model}" (${said}). Set \`model\` to one the server serves (GET ${this.baseURL}/models lists them).`, this.#secrets, { cause });
    }
    if (status === 404) {
      return adapterError("llm", "llm-bad-request", `${this.baseURL}/chat/completions answered 404 (${said}). Check \`baseURL\`: most servers need the /v1 suffix, e.g. http://127.0.0.1:8000/v1.`, this.#secrets, { cause });
    }
    if (status === 429) {
      const quota = error.code === "insufficient_quota";
      return adapterError("llm", "llm-rate-limited", quota
        ? `${this.baseURL} says the account is out of quota (429: ${said}). Check the plan and billing; retrying will not help.`
        : `${this.baseURL} is rate limiting requests (429: ${said})${retryAfterMs === undefined ? "" : `; it asks to wait ${retryAfterMs} ms`}.`, this.#secrets, { cause, retryAfterMs, retryable: !quota });
    }
    if (status >= 500) {
      return adapterError("llm", "llm-server-error", `${this.baseURL} failed with ${status} (${said}). Usually temporary; check the server's log if it persists.`, this.#secrets, { cause, retryAfterMs });
    }
    return adapterError("llm", "llm-bad-request", `${this.baseURL} rejected the request for model "${this.model}" (${status}: ${said}). Check the adapter options (maxTokensField, thinking, extraBody).`, this.#secrets, { cause });
  }

  malformed(cause: unknown): VoxpipeError {
    return adapterError("llm", "llm-malformed-chunk", `${this.baseURL} sent a stream event that is not a chat.completion.chunk JSON object. Is \`baseURL\` an OpenAI-compatible server?`, this.#secrets, { cause });
  }

  dropped(cause: unknown, deliveredChars: number): VoxpipeError {
    const when = deliveredChars > 0 ? `after ${deliveredChars} characters (the text so far was delivered)` : "before the reply started";
    return adapterError("llm", "llm-stream-dropped", `The stream from ${this.baseURL} ended ${when} without a finish_reason.`, this.#secrets, { cause });
  }

  timeout(kind: StreamTimeoutKind, limitMs: number): VoxpipeError {
    const limit = ` (${limitMs} ms)`;
    const messages: Record<StreamTimeoutKind, string> = {
      "connect": `connect timeout: ${this.baseURL} sent no response headers within connectTimeoutMs${limit}. Check that the server is up and reachable, or raise connectTimeoutMs (some servers answer only once the model is loaded).`,
      "first-token": `first-token timeout: ${this.baseURL} sent no token for "${this.model}" within firstTokenTimeoutMs${limit}. Raise firstTokenTimeoutMs for a busy server or a long prompt.`,
      "idle": `idle timeout: ${this.baseURL} sent nothing for idleTimeoutMs${limit} in the middle of the reply. Raise idleTimeoutMs if the server is just slow.`,
    };
    return adapterError("llm", "llm-timeout", messages[kind], this.#secrets);
  }
}

/** Hides key-like tokens a server quotes back (OpenAI quotes a masked key in its 401 message). */
export function maskKeys(text: string): string {
  return text.replace(/\b(sk|rk|or|gsk|key)[-_][A-Za-z0-9_\-*.…]{4,}/gi, "***");
}
