import { VoxpipeError, isAbortError } from "../errors/voxpipe-error.js";
import type { LlmProvider } from "../llm/llm-provider.js";
import type { LlmRequest } from "../llm/llm-request.js";
import type { LlmStreamPart } from "../llm/llm-stream-part.js";
import { iterateWithLimits, timeoutError } from "./iterate-with-limits.js";
import type { PipelineTimeouts } from "./pipeline-options.js";

export interface StartReplyOptions {
  llm: LlmProvider;
  request: Omit<LlmRequest, "signal">;
  signal: AbortSignal;
  timeouts: PipelineTimeouts;
}

export interface ReplyHandlers {
  /** Reply text, in order; awaited, so a slow consumer paces the reading. */
  onText: (text: string) => Promise<void>;
  /** Reasoning text (never spoken). */
  onReasoning: (text: string) => void;
}

/** An LLM reply whose request is already on its way. */
export interface StartedReply {
  /**
   * Reads the reply to the end, with the first-token and idle timeouts. Resolves to the failure
   * that ended it, or undefined when it finished (or was aborted). Call it once.
   */
  read(handlers: ReplyHandlers): Promise<VoxpipeError | undefined>;
}

/**
 * Asks the LLM now and returns the reply to read later, so whatever the caller builds meanwhile is
 * done while the first token is on its way. Text reaches the handlers only once `read()` is called.
 */
export function startReply(options: StartReplyOptions): StartedReply {
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
  let parts: AsyncGenerator<LlmStreamPart> | undefined;
  let first: Promise<IteratorResult<LlmStreamPart>>;
  try {
    parts = iterateWithLimits(llm.stream({ ...options.request, signal }), signal, "llm", limit);
    // The first next() starts the backend's generator: its request goes out now.
    first = parts.next();
  } catch (error) {
    first = Promise.reject(error);
  }
  // Read (and its failure handled) by read(); until then a rejection is not unhandled.
  first.catch(() => undefined);

  const read = async (handlers: ReplyHandlers): Promise<VoxpipeError | undefined> => {
    try {
      for (let result = await first; !result.done; result = await parts!.next()) {
        const part = result.value;
        switch (part.type) {
          case "text-delta":
            if (!part.text) break;
            sawText = true;
            await handlers.onText(part.text);
            break;
          case "reasoning-delta":
            handlers.onReasoning(part.text);
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
    } finally {
      // Closes the stream when it did not end by itself (a finish or error part, a handler threw); a no-op when it did.
      await parts?.return(undefined);
    }
  };
  return { read };
}

/** True when the request holds something to answer (a non-blank prompt or message). */
export function hasPrompt(request: Omit<LlmRequest, "signal">): boolean {
  return (request.messages ?? []).some((m) => m.content.trim().length > 0) || (request.prompt ?? "").trim().length > 0;
}
