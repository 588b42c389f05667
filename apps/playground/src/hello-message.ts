import { conversationConfigSchema, patternRedactor, type Redactor } from "@voxpipe/core";
import type { PlaygroundLimits } from "./limits.js";
import type { PlaygroundBackend } from "./playground-backend.js";
import { PROTOCOL_VERSION, type ServerMessage } from "./protocol.js";

/**
 * The `hello` a session opens with: backend ids, model and voice names, the
 * config's name and the limits. Every name passes through the backend's
 * redactor (URL credentials and credential shapes at least), so nothing
 * secret from the config reaches the page.
 */
export function helloMessage(backend: PlaygroundBackend, limits: Pick<PlaygroundLimits, "maxPromptChars" | "maxMessageBytes">): Extract<ServerMessage, { type: "hello" }> {
  const redactor: Pick<Redactor, "redact"> = backend.redactor ?? patternRedactor;
  const text = (value: string): string => redactor.redact(value);
  const conversation = conversationConfigSchema.parse(backend.conversation ?? {});
  return {
    type: "hello",
    protocol: PROTOCOL_VERSION,
    backends: {
      llm: { id: text(backend.llm.id), model: text(backend.llm.model) },
      tts: {
        id: text(backend.tts.id),
        voice: text(backend.tts.voice),
        sampleRate: backend.tts.format.sampleRate,
        channels: backend.tts.format.channels,
        streaming: backend.tts.streaming,
      },
      mode: backend.defaultMode,
      config: text(backend.configName),
      conversation: { maxTurns: conversation.maxTurns, maxChars: conversation.maxChars, systemPrompt: conversation.system !== "" },
    },
    limits: { maxPromptChars: limits.maxPromptChars, maxMessageBytes: limits.maxMessageBytes },
  };
}
