import type { ChatMessage } from "../llm/llm-request.js";
import { conversationConfigSchema, type ConversationSettingsInput } from "./conversation-config-schema.js";

/** One turn of a conversation as it was said and heard. */
export interface ConversationTurn {
  role: "user" | "assistant";
  /** What was said: for the assistant, the reply as far as it was heard. */
  content: string;
  /** The assistant was stopped before the end of its reply; `content` is what was heard. */
  interrupted?: boolean;
}

/** How an interrupted reply is shown to the LLM in later requests: what was heard, trailing off. */
export const INTERRUPTED_MARK = "…";

/**
 * The history of one conversation: turns in order, bounded by count and by
 * characters (the oldest dropped first, and a leading assistant turn with
 * them, so the history always starts with the user), with the system prompt
 * put first in every request.
 */
export class ConversationHistory {
  private readonly list: ConversationTurn[] = [];
  readonly system: string;
  readonly maxTurns: number;
  readonly maxChars: number;

  constructor(settings: ConversationSettingsInput = {}) {
    const parsed = conversationConfigSchema.parse(settings);
    this.system = parsed.system;
    this.maxTurns = parsed.maxTurns;
    this.maxChars = parsed.maxChars;
  }

  /** The turns kept, oldest first. */
  get turns(): readonly ConversationTurn[] {
    return this.list;
  }

  /** Adds what the user said. */
  addUser(content: string): void {
    this.add({ role: "user", content });
  }

  /** Adds the assistant's reply; `interrupted` when it was stopped, with `content` cut to what was heard. */
  addAssistant(content: string, options: { interrupted?: boolean } = {}): void {
    this.add({ role: "assistant", content, ...(options.interrupted ? { interrupted: true } : {}) });
  }

  /**
   * Cuts the last assistant turn to what was heard and marks it interrupted
   * (a reply stopped while playing). Does nothing when the last turn is not the assistant's.
   */
  interruptLastReply(heard: string): void {
    const last = this.list[this.list.length - 1];
    if (last?.role !== "assistant") return;
    last.content = heard;
    last.interrupted = true;
    if (heard.trim() === "") this.list.pop();
  }

  /** Forgets every turn (the system prompt stays). */
  clear(): void {
    this.list.length = 0;
  }

  /** The request's messages: the system prompt, then the turns (an interrupted reply trails off with `INTERRUPTED_MARK`). */
  messages(): ChatMessage[] {
    const messages: ChatMessage[] = this.system ? [{ role: "system", content: this.system }] : [];
    for (const turn of this.list) {
      messages.push({ role: turn.role, content: turn.interrupted ? `${turn.content.trimEnd()}${INTERRUPTED_MARK}` : turn.content });
    }
    return messages;
  }

  private add(turn: ConversationTurn): void {
    // An empty reply (stopped before any audio) leaves nothing to remember.
    if (turn.role === "assistant" && turn.content.trim() === "") return;
    this.list.push(turn);
    this.trim();
  }

  private trim(): void {
    let chars = this.list.reduce((sum, turn) => sum + turn.content.length, 0);
    const tooMuch = (): boolean => this.list.length > 1 && (this.list.length > this.maxTurns || chars > this.maxChars);
    while (tooMuch() || (this.list.length > 1 && this.list[0]?.role === "assistant")) {
      chars -= this.list.shift()?.content.length ?? 0;
    }
  }
}
