import type { LlmProvider, LlmStreamPart } from "@voxpipe/core";

/**
 * An LlmProvider whose reply is a given text, so a speech request's `input`
 * flows through the same segmenter and bounded parallel TTS as an LLM's reply
 * (the first segment is spoken while the rest is still being cut).
 */
export function fixedTextLlm(text: string): LlmProvider {
  return {
    id: "speech-input",
    model: "input",
    async *stream(): AsyncGenerator<LlmStreamPart> {
      yield { type: "text-delta", text };
      yield { type: "finish", reason: "stop" };
    },
  };
}
