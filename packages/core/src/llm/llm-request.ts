/** One message of a chat conversation. */
export interface ChatMessage {
  /** Who said it. `system` sets behaviour, `user` asks, `assistant` answered earlier. */
  role: "system" | "user" | "assistant";
  /** The message text. */
  content: string;
}

/** What the pipeline asks an LLM for. Give `messages` for chat models or `prompt` for plain completion. */
export interface LlmRequest {
  /** The conversation so far; the reply continues it. Takes precedence over `prompt`. */
  messages?: readonly ChatMessage[];
  /** A plain prompt. Chat adapters send it as one user message; completion models continue it. */
  prompt?: string;
  /** Sampling temperature; 0 is greedy. Adapter default when omitted. */
  temperature?: number;
  /** Nucleus sampling: keep the smallest set of tokens whose probability adds up to this. */
  topP?: number;
  /** Keep only the k most likely tokens. */
  topK?: number;
  /** Stop after this many generated tokens. */
  maxTokens?: number;
  /** Seed for reproducible sampling, where the backend supports it. */
  seed?: number;
  /** Cancels generation. Adapters stop model work and close connections promptly when it fires. */
  signal?: AbortSignal;
}

/** The text of the request as one user-facing prompt (the last user message, or the prompt). */
export function promptText(request: LlmRequest): string {
  if (request.messages && request.messages.length > 0) {
    for (let i = request.messages.length - 1; i >= 0; i--) {
      const message = request.messages[i];
      if (message?.role === "user") return message.content;
    }
    return request.messages[request.messages.length - 1]?.content ?? "";
  }
  return request.prompt ?? "";
}

/** The request as chat messages: `messages` as given, or `prompt` as one user message. */
export function chatMessages(request: LlmRequest, systemPrompt?: string): ChatMessage[] {
  const messages: ChatMessage[] = request.messages && request.messages.length > 0
    ? [...request.messages]
    : [{ role: "user", content: request.prompt ?? "" }];
  if (systemPrompt && messages[0]?.role !== "system") messages.unshift({ role: "system", content: systemPrompt });
  return messages;
}
