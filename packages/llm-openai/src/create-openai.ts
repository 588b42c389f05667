import { VoxpipeError, type AdapterContext, type LlmFinishReason, type LlmProvider, type LlmRequest, type LlmStreamPart, type LlmUsage } from "@voxpipe/core";
import { ContentSplitter, InFlightRequests, StreamWatchdog, adapterRedactor, httpAttempt, streamWithRetries, type HttpAttempt, parseAdapterOptions } from "@voxpipe/core/adapter-kit";
import OpenAI from "openai";
import { normalizeErrorFetch } from "./normalize-error-fetch.js";
import { openaiChatRequest } from "./openai-chat-request.js";
import { OpenaiErrors } from "./openai-errors.js";
import { openaiOptionsSchema, type OpenaiOptions } from "./openai-options.js";

const defaultBaseURL = "https://api.openai.com/v1";

/** Where the adapter reads its environment and reports retries; defaults to none and silence. */
export type OpenAiLlmContext = Partial<Pick<AdapterContext, "env" | "log">>;
/** @deprecated Renamed {@link OpenAiLlmContext}. */
export type OpenaiContext = OpenAiLlmContext;

/**
 * An LLM provider for OpenAI's Chat Completions stream and every server that
 * speaks it (vLLM, llama.cpp's server, LM Studio, OpenRouter, …). The openai
 * client is built on the first `stream()` and reused; it never retries on its
 * own (the adapter retries, and only before the first token).
 */
export function createOpenAiLlm(input: OpenaiOptions, context: OpenAiLlmContext = {}): LlmProvider {
  const options = parseAdapterOptions("@voxpipe/llm-openai", openaiOptionsSchema, input);
  const env = context.env ?? {};
  const log = context.log ?? (() => {});
  const baseURL = (options.baseURL ?? (env["OPENAI_BASE_URL"] || defaultBaseURL)).replace(/\/+$/, "");
  const apiKey = options.apiKey ?? (env["OPENAI_API_KEY"] || undefined);
  // Knows the key (from the options or OPENAI_API_KEY), every header value and any credentials in the URL.
  const redactor = adapterRedactor(openaiOptionsSchema, { ...options, baseURL, apiKey });
  const errors = new OpenaiErrors(redactor.redact(baseURL), options.model, redactor, options.connectTimeoutMs);
  const inFlight = new InFlightRequests();
  let client: OpenAI | undefined;

  const getClient = (): OpenAI =>
    (client ??= new OpenAI({
      baseURL,
      // The SDK insists on a key; without one, the Authorization header is dropped below.
      apiKey: apiKey ?? "no-key",
      adminAPIKey: null,
      organization: null,
      project: null,
      webhookSecret: null,
      defaultHeaders: { ...options.headers, ...(apiKey ? {} : { Authorization: null }) },
      maxRetries: 0,
      timeout: options.connectTimeoutMs,
      logLevel: "off",
      fetch: normalizeErrorFetch,
    }));

  async function* attempt(request: LlmRequest): AsyncGenerator<LlmStreamPart> {
    const signal = request.signal;
    if (signal?.aborted) {
      yield { type: "finish", reason: "abort" };
      return;
    }
    const state = { deliveredChars: 0 };
    yield* httpAttempt(
      { requests: inFlight, signal, watchdog: (controller) => new StreamWatchdog(controller, options) },
      (running) => streamReply(request, running, state),
      function* (error, { watchdog }) {
        if (signal?.aborted) yield { type: "finish", reason: "abort" };
        else if (watchdog.fired) yield { type: "error", error: errors.timeout(watchdog.fired, watchdog.limitOf(watchdog.fired)) };
        else yield { type: "error", error: VoxpipeError.isInstance(error) ? error : errors.classify(error, state.deliveredChars) };
      },
    );
  }

  /** One Chat Completions request, read to its end. */
  async function* streamReply(request: LlmRequest, { controller, watchdog }: HttpAttempt<StreamWatchdog>, state: { deliveredChars: number }): AsyncGenerator<LlmStreamPart> {
    const signal = request.signal;
    const contentParts = new ContentSplitter(options.splitThinkTags);
    let finish: LlmFinishReason | undefined;
    let usage: LlmUsage | undefined;
    watchdog.start();
    const stream = await getClient().chat.completions.create(openaiChatRequest(request, options), { signal: controller.signal });
    watchdog.connected();
    watchdog.waiting();
    for await (const chunk of stream as AsyncIterable<unknown>) {
      if (typeof chunk !== "object" || chunk === null || Array.isArray(chunk)) throw errors.malformed(chunk);
      const { choices, usage: reported } = chunk as { choices?: unknown; usage?: { prompt_tokens?: number; completion_tokens?: number } | null };
      if (choices !== undefined && !Array.isArray(choices)) throw errors.malformed(chunk);
      const choice = (choices as { delta?: Record<string, unknown>; finish_reason?: string | null }[] | undefined)?.[0];
      const reasoning = textOf(choice?.delta?.["reasoning_content"]) || textOf(choice?.delta?.["reasoning"]);
      const content = textOf(choice?.delta?.["content"]);
      watchdog.received(reasoning.length > 0 || content.length > 0);
      if (reasoning) {
        contentParts.reasoningField();
        yield { type: "reasoning-delta", text: reasoning };
      }
      for (const part of contentParts.push(content)) {
        if (part.type === "text-delta") state.deliveredChars += part.text.length;
        yield part;
      }
      if (choice?.finish_reason) finish = finishReason(choice.finish_reason);
      if (reported) usage = { inputTokens: reported.prompt_tokens, outputTokens: reported.completion_tokens };
      watchdog.waiting();
    }
    // The SDK ends the loop quietly when the request was aborted; find out why it ended.
    if (signal?.aborted) {
      yield { type: "finish", reason: "abort" };
    } else if (finish) {
      yield* contentParts.end();
      yield { type: "finish", reason: finish, ...(usage ? { usage } : {}) };
    } else if (watchdog.fired) {
      yield { type: "error", error: errors.timeout(watchdog.fired, watchdog.limitOf(watchdog.fired)) };
    } else {
      yield { type: "error", error: errors.dropped(undefined, state.deliveredChars) };
    }
  }

  return {
    id: "openai",
    model: options.model,
    stream(request) {
      return streamWithRetries(() => attempt(request), options, request.signal, log);
    },
    async dispose() {
      inFlight.abortAll();
    },
  };
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function finishReason(reason: string): LlmFinishReason {
  return reason === "stop" || reason === "length" ? reason : "other";
}

/** @deprecated Renamed {@link createOpenAiLlm}; this alias goes in the next release. */
export const createOpenai = createOpenAiLlm;
