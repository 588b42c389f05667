import { secret } from "@voxpipe/core/adapter-kit";
import { z } from "zod";

/** Options of the Ollama adapter (`llm: { use: "@voxpipe/llm-ollama", options: … }`). */
export const ollamaOptionsSchema = z.object({
  model: z.string().min(1).describe("The Ollama model to chat with, e.g. `llama3.2` or `qwen3:4b`; it must be pulled on the server (`ollama pull <model>`)."),
  host: z.string().min(1).optional().describe("Ollama server URL. Default: `OLLAMA_HOST` from the environment, else `http://127.0.0.1:11434`."),
  apiKey: secret(z.string().min(1)).optional().describe("Bearer token for ollama.com or a proxy in front of Ollama. Default: `OLLAMA_API_KEY` from the environment. Never logged."),
  headers: z.record(z.string(), secret(z.string())).default({}).describe("Extra HTTP headers sent with every request (e.g. for a reverse proxy). Their values are treated as secrets: masked in errors, logs and `voxpipe config check`."),
  systemPrompt: z.string().optional().describe("System message put before the conversation when it has none."),
  temperature: z.number().min(0).max(2).optional().describe("Sampling temperature (`options.temperature`); a request's own value wins. Model default when omitted."),
  topP: z.number().gt(0).max(1).optional().describe("Nucleus sampling (`options.top_p`); a request's own value wins."),
  maxTokens: z.number().int().positive().optional().describe("Most tokens to generate (`options.num_predict`); a request's own value wins."),
  seed: z.number().int().optional().describe("Sampling seed for reproducible replies (`options.seed`); a request's own value wins."),
  modelOptions: z.record(z.string(), z.unknown()).default({}).describe("More Ollama model options passed as they are (`num_ctx`, `repeat_penalty`, `stop`, …)."),
  thinking: z.union([z.boolean(), z.enum(["low", "medium", "high"])]).optional()
    .describe("Ollama's `think` switch for reasoning models: false for quick replies, true or a level to reason first. Server default when omitted. Reasoning is streamed as reasoning-delta parts and never spoken."),
  splitThinkTags: z.union([z.boolean(), z.literal("starts-inside")]).default(true)
    .describe("Reasoning left inline in `message.content` as `<think>…</think>` (older Ollama, or a model whose template Ollama does not parse for thinking) becomes reasoning-delta parts: only a block at the very start of the reply counts, and the first text-delta is the answer. `\"starts-inside\"` for templates that put `<think>` into the prompt: the content up to the first `</think>` is reasoning, all of it if none comes; not applied when Ollama streams `message.thinking`. false passes the content through as text."),
  keepAlive: z.union([z.string(), z.number()]).optional().describe("How long Ollama keeps the model loaded after a request (`keep_alive`: `\"10m\"`, `\"1h\"`, seconds, or -1 for ever). Server default (5m) when omitted."),
  connectTimeoutMs: z.number().int().positive().default(10_000).describe("Longest wait for the server to answer at all (a quick `/api/version` probe sent beside the chat request)."),
  firstTokenTimeoutMs: z.number().int().positive().default(120_000).describe("Longest wait from the request to the first token; includes loading the model into memory."),
  idleTimeoutMs: z.number().int().positive().default(30_000).describe("Longest gap between chunks once the reply has started."),
  retries: z.number().int().min(0).max(10).default(2).describe("Retries for retryable failures (unreachable, 429, 5xx, timeouts, dropped) before the first token only; never once text has streamed."),
  retryDelayMs: z.number().int().min(0).default(500).describe("Backoff before retry n is retryDelayMs × 2^n, unless the server sends Retry-After."),
  maxRetryDelayMs: z.number().int().min(0).default(30_000).describe("Longest wait before a retry; a longer Retry-After is reported as the error instead."),
});

/** Options as written in a config (defaults optional). */
export type OllamaOptions = z.input<typeof ollamaOptionsSchema>;
/** Options after validation and defaults. */
export type ResolvedOllamaOptions = z.output<typeof ollamaOptionsSchema>;
