import { randomUUID } from "node:crypto";

/** The audio-output part of a streamed chunk's delta (OpenAI's `choices[0].delta.audio`). */
export interface ChunkAudio {
  id: string;
  transcript?: string;
  data?: string;
  expires_at?: number;
}

/** Builds `chat.completion.chunk` and `chat.completion` objects for one reply, in OpenAI's format. */
export class ChatReplyShape {
  readonly id = `chatcmpl-${randomUUID()}`;
  readonly audioId = `audio_${randomUUID().replaceAll("-", "")}`;
  readonly created = Math.floor(Date.now() / 1000);
  constructor(readonly model: string) {}

  chunk(delta: Record<string, unknown>, finishReason: "stop" | "length" | null = null): Record<string, unknown> {
    return { id: this.id, object: "chat.completion.chunk", created: this.created, model: this.model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] };
  }

  usageChunk(usage: Usage): Record<string, unknown> {
    return { id: this.id, object: "chat.completion.chunk", created: this.created, model: this.model, choices: [], usage };
  }

  completion(message: Record<string, unknown>, usage: Usage, finishReason: "stop" | "length" = "stop"): Record<string, unknown> {
    return { id: this.id, object: "chat.completion", created: this.created, model: this.model, choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }], usage };
  }

  /** When the audio id "expires": the server keeps nothing, so this is only for clients that read it. */
  get expiresAt(): number {
    return this.created + 3600;
  }
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export const usageOf = (promptTokens: number | undefined, completionTokens: number | undefined): Usage => ({
  prompt_tokens: promptTokens ?? 0,
  completion_tokens: completionTokens ?? 0,
  total_tokens: (promptTokens ?? 0) + (completionTokens ?? 0),
});
