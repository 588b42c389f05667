import { VoxpipeError, type AdapterContext, type LlmFinishReason, type LlmProvider, type LlmRequest, type LlmStreamPart } from "@voxpipe/core";
import { ContentSplitter, InFlightRequests, StreamWatchdog, adapterRedactor, httpAttempt, streamWithRetries, type HttpAttempt, parseAdapterOptions } from "@voxpipe/core/adapter-kit";
import { Ollama } from "ollama";
import { createGuardedFetch, type FetchState } from "./ollama-fetch.js";
import { ollamaChatRequest } from "./ollama-chat-request.js";
import { OllamaErrors } from "./ollama-errors.js";
import { ollamaOptionsSchema, type OllamaOptions } from "./ollama-options.js";

const defaultHost = "http://127.0.0.1:11434";

/** Where the adapter reads its environment and reports retries; defaults to none and silence. */
export type OllamaLlmContext = Partial<Pick<AdapterContext, "env" | "log">>;
/** @deprecated Renamed {@link OllamaLlmContext}. */
export type OllamaContext = OllamaLlmContext;

/**
 * An LLM provider backed by an Ollama server's `/api/chat` stream. Nothing
 * connects until the first `stream()`; each stream is one HTTP request (plus
 * a tiny `/api/version` probe beside it that bounds the connect time).
 */
export function createOllamaLlm(input: OllamaOptions, context: OllamaLlmContext = {}): LlmProvider {
  const options = parseAdapterOptions("@voxpipe/llm-ollama", ollamaOptionsSchema, input);
  const env = context.env ?? {};
  const log = context.log ?? (() => {});
  const baseUrl = normalizeHost(options.host ?? (env["OLLAMA_HOST"] || defaultHost));
  const apiKey = options.apiKey ?? (env["OLLAMA_API_KEY"] || undefined);
  const headers: Record<string, string> = { ...options.headers, ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}) };
  // Knows the key (from the options or OLLAMA_API_KEY), every header value and any credentials in the URL.
  const redactor = adapterRedactor(ollamaOptionsSchema, { ...options, host: baseUrl, apiKey, headers });
  const errors = new OllamaErrors(baseUrl, options.model, redactor, headers);
  const inFlight = new InFlightRequests();

  async function* attempt(request: LlmRequest): AsyncGenerator<LlmStreamPart> {
    const signal = request.signal;
    if (signal?.aborted) {
      yield { type: "finish", reason: "abort" };
      return;
    }
    const state: FetchState & { deliveredChars: number } = { deliveredChars: 0 };
    yield* httpAttempt(
      { requests: inFlight, signal, watchdog: (controller) => new StreamWatchdog(controller, options) },
      (running) => streamReply(request, running, state),
      function* (error, { watchdog }) {
        if (signal?.aborted) yield { type: "finish", reason: "abort" };
        else if (watchdog.fired) yield { type: "error", error: errors.timeout(watchdog.fired, watchdog.limitOf(watchdog.fired)) };
        else if (state.streamError) yield { type: "error", error: state.streamError };
        else if (VoxpipeError.isInstance(error)) yield { type: "error", error };
        else yield { type: "error", error: errors.dropped(error, state.deliveredChars) };
      },
    );
  }

  /** One `/api/chat` request, read to its `done` line. */
  async function* streamReply(request: LlmRequest, { controller, watchdog }: HttpAttempt<StreamWatchdog>, state: FetchState & { deliveredChars: number }): AsyncGenerator<LlmStreamPart> {
    const contentParts = new ContentSplitter(options.splitThinkTags);
    watchdog.start();
    probeVersion(baseUrl, headers, controller.signal, () => watchdog.connected());
    const client = new Ollama({ host: baseUrl, headers, fetch: createGuardedFetch(controller.signal, errors, state, () => watchdog.connected()) });
    const chunks = await client.chat(ollamaChatRequest(request, options));
    watchdog.waiting();
    for await (const chunk of chunks) {
      const thinking = chunk.message?.thinking ?? "";
      const content = chunk.message?.content ?? "";
      watchdog.received(thinking.length > 0 || content.length > 0);
      if (thinking) {
        contentParts.reasoningField();
        yield { type: "reasoning-delta", text: thinking };
      }
      for (const part of contentParts.push(content)) {
        if (part.type === "text-delta") state.deliveredChars += part.text.length;
        yield part;
      }
      if (chunk.done) {
        yield* contentParts.end();
        yield { type: "finish", reason: finishReason(chunk.done_reason), usage: { inputTokens: chunk.prompt_eval_count, outputTokens: chunk.eval_count } };
        return;
      }
      watchdog.waiting();
    }
    throw new Error("the stream ended without a done line");
  }

  return {
    id: "ollama",
    model: options.model,
    stream(request) {
      return streamWithRetries(() => attempt(request), options, request.signal, log);
    },
    async dispose() {
      inFlight.abortAll();
    },
  };
}

/** Fire-and-forget `GET /api/version`: any HTTP answer proves the server is there and ends the connect deadline. */
function probeVersion(baseUrl: string, headers: Record<string, string>, signal: AbortSignal, onAnswer: () => void): void {
  fetch(`${baseUrl}/api/version`, { headers, signal })
    .then(async (response) => {
      onAnswer();
      await response.body?.cancel();
    })
    .catch(() => {
      // The chat request reports its own failure.
    });
}

function finishReason(reason: string | undefined): LlmFinishReason {
  return reason === "stop" || reason === "length" ? reason : reason === undefined ? "stop" : "other";
}

/** `host`, `host:port`, `:port` or a URL, as an origin-style URL without a trailing slash (Ollama's own rules). */
export function normalizeHost(host: string): string {
  let value = host.trim();
  if (value.startsWith(":")) value = `127.0.0.1${value}`;
  const explicit = value.includes("://");
  const url = new URL(explicit ? value : `http://${value}`);
  if (!explicit && !url.port) url.port = "11434";
  return url.toString().replace(/\/+$/, "");
}

/** @deprecated Renamed {@link createOllamaLlm}; this alias goes in the next release. */
export const createOllama = createOllamaLlm;
