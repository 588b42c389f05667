import { secret } from "@voxpipe/core/adapter-kit";
import { z } from "zod";

/** Options of the OpenAI-compatible adapter (`llm: { use: "@voxpipe/llm-openai", options: … }`). */
export const openaiOptionsSchema = z.object({
  model: z.string().min(1).describe("Model name as the server knows it, e.g. `gpt-4o-mini`, `Qwen/Qwen3-8B` (vLLM), `openai/gpt-4o-mini` (OpenRouter)."),
  baseURL: z.string().url().optional().describe("Server URL up to and including `/v1`. Default: `OPENAI_BASE_URL` from the environment, else `https://api.openai.com/v1`."),
  apiKey: secret(z.string().min(1)).optional().describe("API key, sent as `Authorization: Bearer …`. Default: `OPENAI_API_KEY` from the environment; without one no Authorization header is sent (fine for local servers). Never logged."),
  headers: z.record(z.string(), secret(z.string())).default({}).describe("Extra HTTP headers sent with every request (e.g. OpenRouter's `HTTP-Referer` and `X-Title`, or a proxy's `api-key`). Their values are treated as secrets: masked in errors, logs and `voxpipe config check`."),
  systemPrompt: z.string().optional().describe("System message put before the conversation when it has none."),
  temperature: z.number().min(0).max(2).optional().describe("Sampling temperature; a request's own value wins. Server default when omitted."),
  topP: z.number().gt(0).max(1).optional().describe("Nucleus sampling (`top_p`); a request's own value wins."),
  maxTokens: z.number().int().positive().optional().describe("Most tokens to generate; a request's own value wins. Sent as `maxTokensField`."),
  maxTokensField: z.enum(["max_tokens", "max_completion_tokens"]).default("max_tokens")
    .describe("Which field carries maxTokens: `max_tokens` (understood by every compatible server) or `max_completion_tokens` (required by OpenAI's reasoning models)."),
  seed: z.number().int().optional().describe("Sampling seed for reproducible replies, where the server supports it."),
  thinking: z.enum(["none", "minimal", "low", "medium", "high"]).optional()
    .describe("Reasoning effort for reasoning models, sent as `reasoning_effort`; omitted by default. Whatever reasoning the server streams (`reasoning_content` or `reasoning` in the delta) arrives as reasoning-delta parts and is never spoken."),
  splitThinkTags: z.union([z.boolean(), z.literal("starts-inside")]).default(true)
    .describe("Reasoning left inline in the content as `<think>…</think>` (a server without a reasoning parser: vLLM or SGLang without `--reasoning-parser`, llama.cpp with `--reasoning-format none`) becomes reasoning-delta parts: only a block at the very start of the reply counts, and the first text-delta is the answer. `\"starts-inside\"` for chat templates that put `<think>` into the prompt (DeepSeek-R1 distills, Qwen3 Thinking-2507): the content up to the first `</think>` is reasoning, all of it if none comes; not applied when the server streams reasoning in its own field. false passes the content through as text."),
  streamUsage: z.boolean().default(true).describe("Ask for token usage in the stream (`stream_options.include_usage`). Turn off for servers that reject `stream_options`."),
  extraBody: z.record(z.string(), z.unknown()).default({})
    .describe("More fields merged into the request body as they are, for server-specific switches, e.g. `{ chat_template_kwargs: { enable_thinking: false } }` for Qwen3 on vLLM or llama.cpp."),
  connectTimeoutMs: z.number().int().positive().default(10_000).describe("Longest wait for the server's response headers."),
  firstTokenTimeoutMs: z.number().int().positive().default(60_000).describe("Longest wait from the request to the first text or reasoning token."),
  idleTimeoutMs: z.number().int().positive().default(30_000).describe("Longest gap between chunks once the reply has started."),
  retries: z.number().int().min(0).max(10).default(2).describe("Retries for retryable failures (unreachable, 429, 5xx, timeouts, dropped) before the first token only; never once text has streamed. The SDK's own retries are off."),
  retryDelayMs: z.number().int().min(0).default(500).describe("Backoff before retry n is retryDelayMs × 2^n, unless the server sends Retry-After."),
  maxRetryDelayMs: z.number().int().min(0).default(30_000).describe("Longest wait before a retry; a longer Retry-After is reported as the error instead."),
});

/** Options as written in a config (defaults optional). */
export type OpenaiOptions = z.input<typeof openaiOptionsSchema>;
/** Options after validation and defaults. */
export type ResolvedOpenaiOptions = z.output<typeof openaiOptionsSchema>;
