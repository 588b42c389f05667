import type { VoxpipeError } from "../errors/voxpipe-error.js";

/** Token counts reported by the backend, when it reports them. */
export interface LlmUsage {
  /** Tokens in the prompt. */
  inputTokens?: number;
  /** Tokens generated. */
  outputTokens?: number;
}

/** Why generation stopped. */
export type LlmFinishReason = "stop" | "length" | "abort" | "error" | "other";

/**
 * One part of an LLM's streamed reply. A stream is any number of `text-delta`
 * and `reasoning-delta` parts, then exactly one `finish` or one `error`.
 */
export type LlmStreamPart =
  /** Reply text as generated; never split inside a character. */
  | { type: "text-delta"; text: string }
  /** Reasoning ("thinking") text. Never spoken; the pipeline only counts it. */
  | { type: "reasoning-delta"; text: string }
  /** The reply ended normally. */
  | { type: "finish"; reason: LlmFinishReason; usage?: LlmUsage }
  /** The reply failed. Text delivered before this part stays delivered. */
  | { type: "error"; error: VoxpipeError };
