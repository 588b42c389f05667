import { VoxpipeError, isAbortError } from "../errors/voxpipe-error.js";
import type { LlmProvider } from "../llm/llm-provider.js";
import type { LlmRequest } from "../llm/llm-request.js";
import { iterateWithLimits, timeoutError } from "./iterate-with-limits.js";
import type { PipelineTimeouts } from "./pipeline-options.js";

export interface ReadReplyOptions {
  llm: LlmProvider;
  request: Omit<LlmRequest, "signal">;
  signal: AbortSignal;
  timeouts: PipelineTimeouts;
  /** Reply text, in order; awaited, so a slow consumer paces the reading. */
  onText: (text: string) => Promise<void>;
  /** Reasoning text (never spoken). */
  onReasoning: (text: string) => void;
}

/**
 * Reads the LLM's reply to the end, with the first-token and idle timeouts.
 * Resolves to the failure that ended it, or undefined when it finished (or was aborted).
 */
export async function readReply(options: ReadReplyOptions): Promise<VoxpipeError | undefined> {
  const { llm, signal, timeouts } = options;
  let sawText = false;
  const limit = () => {
    const ms = sawText ? timeouts.llmIdleMs : timeouts.llmFirstTokenMs;
    if (!ms) return undefined;
    const message = sawText
      ? `The LLM (${llm.id}) sent nothing for ${ms} ms mid-reply (pipeline.timeouts.llmIdleMs).`
      : `The LLM (${llm.id}) sent no text within ${ms} ms (pipeline.timeouts.llmFirstTokenMs).`;
    return { ms, error: () => timeoutError("llm", "llm-timeout", message) };
  };
  try {
    for await (const part of iterateWithLimits(llm.stream({ ...options.request, signal }), signal, "llm", limit)) {
      switch (part.type) {
        case "text-delta":
          if (!part.text) break;
          sawText = true;
          await options.onText(part.text);
          break;
        case "reasoning-delta":
          options.onReasoning(part.text);
          break;
        case "error":
          return VoxpipeError.from(part.error, "llm");
        case "finish":
          return undefined;
      }
    }
    return undefined;
  } catch (error) {
    return isAbortError(error) ? undefined : VoxpipeError.from(error, "llm", "llm-failed");
  }
}

/** True when the request holds something to answer (a non-blank prompt or message). */
export function hasPrompt(request: Omit<LlmRequest, "signal">): boolean {
  return (request.messages ?? []).some((m) => m.content.trim().length > 0) || (request.prompt ?? "").trim().length > 0;
}
