import { z } from "zod";
import type { PipelineEvent } from "@voxpipe/core";

/** Version of the JSON + binary WebSocket protocol, sent in `hello`. */
export const PROTOCOL_VERSION = 1;

/** Builds the schema of what the page may send; `maxPromptChars` caps the prompt. */
export function clientMessageSchema(maxPromptChars: number) {
  return z.discriminatedUnion("type", [
    z
      .object({
        type: z.literal("run"),
        prompt: z
          .string()
          .trim()
          .min(1, "prompt must not be empty")
          .refine((prompt) => [...prompt].length <= maxPromptChars, `prompt is longer than ${maxPromptChars} characters`),
        mode: z.enum(["streaming", "whole"]).optional(),
      })
      .strict(),
    z
      .object({
        type: z.literal("stop"),
        /** Characters of the reply (its segments' text joined by single spaces) the listener heard before stopping; the conversation keeps only those. */
        heardChars: z.number().int().min(0).optional(),
      })
      .strict(),
    z.object({ type: z.literal("new-conversation") }).strict(),
  ]);
}

/**
 * A message from the page: start a run (the next user turn of the session's conversation), stop the current
 * reply (barge-in; also while its audio is still playing, to keep only what was heard), or start a new conversation.
 */
export type ClientMessage = z.output<ReturnType<typeof clientMessageSchema>>;

/** A built client-message schema, shared by every session of one server. */
export type ClientMessageSchema = ReturnType<typeof clientMessageSchema>;

/**
 * Builds the schema once for a server and parses one message of each kind, so
 * zod compiles its parsers at start-up. Building a schema costs ~0.2 ms and its
 * first parse ~0.1 ms more: paid per session, a burst of 100 sessions queued
 * ~30 ms of it in front of the last one's run.
 */
export function sharedClientMessageSchema(maxPromptChars: number): ClientMessageSchema {
  const schema = clientMessageSchema(maxPromptChars);
  schema.safeParse({ type: "run", prompt: "warm-up", mode: "streaming" });
  schema.safeParse({ type: "stop", heardChars: 1 });
  schema.safeParse({ type: "new-conversation" });
  return schema;
}

/** What the page may know about the backends: ids and model names, never options or keys. */
export interface BackendInfo {
  llm: { id: string; model: string };
  tts: { id: string; voice: string; sampleRate: number; channels: number; streaming: "fragments" | "whole" };
  /** The config's default mode. */
  mode: "streaming" | "whole";
  /** The config file's name (no folder), or "defaults". */
  config: string;
  /** How much of a conversation each request carries (config `conversation`), and whether a system prompt leads it. */
  conversation: { maxTurns: number; maxChars: number; systemPrompt: boolean };
}

/** Limits the page should respect (the server enforces them anyway). */
export interface PublicLimits {
  maxPromptChars: number;
  maxMessageBytes: number;
}

/** Why a run ended. */
export type RunEndReason = "finished" | "failed" | "stopped" | "disconnected";

/** A pipeline event as sent to the page: the same fields, plus the run it belongs to. Audio goes as binary frames instead. */
export type PipelineEventMessage = Exclude<PipelineEvent, { type: "audio" }> & { runId: number };

/** Every JSON message the server sends. */
export type ServerMessage =
  /** First message on a connection. */
  | { type: "hello"; protocol: number; backends: BackendInfo; limits: PublicLimits }
  /** A run was accepted; its events and audio frames carry this `runId`. */
  | { type: "run-start"; runId: number; mode: "streaming" | "whole"; promptChars: number; historyMessages: number }
  | PipelineEventMessage
  /** The run is over and the server holds nothing more for it; after a stop, `cancelMs` is how long cancelling took. */
  | { type: "run-end"; runId: number; reason: RunEndReason; cancelMs?: number }
  /** Word timings of the audio frame that follows (ms from the segment's first audio; `start`/`end` index the segment's written text), for captions. */
  | { type: "words"; runId: number; segmentIndex: number; words: CaptionWord[] }
  /** The conversation's history was cleared (`new-conversation`): the next run starts a new conversation. */
  | { type: "conversation-cleared" }
  /** A message the server could not accept; the connection stays open (more than `maxProtocolErrorsPerMinute` close it with 1008). */
  | { type: "protocol-error"; code: ProtocolErrorCode; message: string };

/** One spoken word for captions: when it plays within its segment, and which characters of the segment's text it speaks. */
export interface CaptionWord {
  startMs: number;
  endMs: number;
  start: number;
  end: number;
}

export type ProtocolErrorCode = "bad-json" | "bad-message" | "binary-not-accepted" | "busy" | "internal";
