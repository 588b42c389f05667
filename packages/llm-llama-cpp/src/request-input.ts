import { chatMessages, promptText, type ChatMessage, type LlmRequest } from "@voxpipe/core";
import type { ChatHistoryItem } from "node-llama-cpp";

/**
 * The text a completion (base) model continues: the prompt, or the
 * conversation's non-system messages joined by blank lines. System messages
 * are instructions a base model cannot follow, so they are left out.
 */
export function completionText(request: LlmRequest): string {
  if (!request.messages || request.messages.length === 0) return promptText(request);
  return request.messages.filter((message) => message.role !== "system").map((message) => message.content).join("\n\n");
}

/** A chat request split the way `LlamaChatSession` takes it: earlier history, then the prompt to answer. */
export interface ChatTurn {
  history: ChatHistoryItem[];
  prompt: string;
}

function toHistoryItem(message: ChatMessage): ChatHistoryItem {
  if (message.role === "system") return { type: "system", text: message.content };
  if (message.role === "user") return { type: "user", text: message.content };
  return { type: "model", response: [message.content] };
}

/**
 * Splits a request into history and the last user message (the prompt).
 * `systemPrompt` is added when the request has no system message. Messages
 * after the last user message are dropped.
 */
export function chatTurn(request: LlmRequest, systemPrompt: string | undefined): ChatTurn {
  const messages = chatMessages(request, systemPrompt);
  let last = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === "user") {
      last = i;
      break;
    }
  }
  if (last < 0) return { history: messages.map(toHistoryItem), prompt: "" };
  return {
    history: messages.slice(0, last).map(toHistoryItem),
    prompt: messages[last]?.content ?? "",
  };
}

/** Sampling settings for one request: the request's own values, else the adapter's options. */
export interface Sampling {
  temperature: number;
  topP: number;
  topK: number;
  maxTokens: number;
  seed: number | undefined;
}

export function samplingFor(request: LlmRequest, defaults: Omit<Sampling, "seed"> & { seed?: number | undefined }): Sampling {
  return {
    temperature: request.temperature ?? defaults.temperature,
    topP: request.topP ?? defaults.topP,
    topK: request.topK ?? defaults.topK,
    maxTokens: request.maxTokens ?? defaults.maxTokens,
    seed: request.seed ?? defaults.seed,
  };
}
