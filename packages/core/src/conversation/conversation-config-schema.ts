import { z } from "zod";

/** The config's `conversation` key: how a conversation's history is kept and bounded. */
export const conversationConfigSchema = z
  .object({
    system: z.string().default("").describe("System prompt sent first in every conversation's requests (empty: none)."),
    maxTurns: z.number().int().min(1).max(1000).default(20).describe("Messages (user and assistant) kept in a conversation's history; the oldest are dropped first."),
    maxChars: z
      .number()
      .int()
      .min(100)
      .max(1_000_000)
      .default(8000)
      .describe("Characters of history kept (the system prompt and the newest message always are); the oldest messages are dropped first."),
  })
  .strict();

/** A conversation's settings, defaults applied. */
export type ConversationSettings = z.output<typeof conversationConfigSchema>;
/** A conversation's settings as written (every key optional). */
export type ConversationSettingsInput = z.input<typeof conversationConfigSchema>;
