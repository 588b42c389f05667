import { z } from "zod";
import { VoxpipeError, isAbortError } from "../errors/voxpipe-error.js";
import type { LlmProvider } from "../llm/llm-provider.js";
import type { LlmStreamPart } from "../llm/llm-stream-part.js";
import { parseAdapterOptions } from "../adapter-kit/parse-adapter-options.js";
import { defineAdapter } from "../registry/define-adapter.js";
import { abortableSleep } from "../util/abortable-sleep.js";

/** Options of the scripted LLM, a TEST DOUBLE that replays fixed text. */
export const scriptedLlmOptionsSchema = z.object({
  text: z.string().describe("The reply to replay, whatever the prompt."),
  tokensPerSecond: z.number().positive().default(50).describe("Replay speed, in token-sized pieces per second."),
  firstTokenMs: z.number().nonnegative().default(0).describe("Delay before the first piece."),
  failAfterChars: z.number().int().nonnegative().optional().describe("Fail like a dropped connection after this many characters."),
  stallAfterChars: z.number().int().nonnegative().optional().describe("Stop sending (but keep the stream open) after this many characters."),
});
export type ScriptedLlmOptions = z.input<typeof scriptedLlmOptionsSchema>;

/** Splits text into token-sized pieces: words with their leading space, long words in pieces of at most 4 characters. */
export function splitIntoTokens(text: string): string[] {
  const pieces: string[] = [];
  for (const match of text.matchAll(/\s*\S+|\s+$/g)) {
    const word = match[0];
    const chars = [...word];
    for (let i = 0; i < chars.length; i += 4) pieces.push(chars.slice(i, i + 4).join(""));
  }
  return pieces;
}

/**
 * TEST DOUBLE — not a language model. Replays `text` in token-sized pieces at
 * `tokensPerSecond` after `firstTokenMs`, whatever the prompt. For runtime
 * tests, benchmarks and demos of the pipeline without a model.
 */
export function createScriptedLlm(input: ScriptedLlmOptions): LlmProvider {
  const options = parseAdapterOptions("@voxpipe/core/testing#scriptedLlm", scriptedLlmOptionsSchema, input);
  const tokens = splitIntoTokens(options.text);
  const intervalMs = 1000 / options.tokensPerSecond;
  return {
    id: "scripted-llm (test double)",
    model: "scripted",
    async *stream(request): AsyncGenerator<LlmStreamPart> {
      const signal = request.signal;
      const start = performance.now();
      let sent = 0;
      try {
        for (let i = 0; i < tokens.length; i++) {
          // Absolute schedule so timer jitter does not accumulate.
          const due = start + options.firstTokenMs + i * intervalMs;
          await abortableSleep(due - performance.now(), signal, "llm");
          let token = tokens[i] ?? "";
          if (options.stallAfterChars !== undefined && sent + token.length > options.stallAfterChars) {
            await new Promise<never>((_, reject) => signal?.addEventListener("abort", () => reject(new VoxpipeError({ code: "aborted", stage: "llm", message: "aborted" })), { once: true }));
          }
          if (options.failAfterChars !== undefined && sent + token.length > options.failAfterChars) {
            token = token.slice(0, Math.max(0, options.failAfterChars - sent));
            if (token) yield { type: "text-delta", text: token };
            yield {
              type: "error",
              error: new VoxpipeError({ code: "llm-stream-dropped", stage: "llm", message: `scripted LLM (test double): connection dropped after ${options.failAfterChars} characters`, retryable: true }),
            };
            return;
          }
          sent += token.length;
          yield { type: "text-delta", text: token };
        }
        yield { type: "finish", reason: "stop", usage: { outputTokens: tokens.length } };
      } catch (error) {
        if (isAbortError(error)) {
          yield { type: "finish", reason: "abort" };
          return;
        }
        throw error;
      }
    },
  };
}

/** Config entry: `use: "@voxpipe/core/testing#scriptedLlm"`. A TEST DOUBLE. */
export const scriptedLlm = defineAdapter({
  kind: "llm",
  id: "scripted-llm",
  description: "TEST DOUBLE: replays fixed text at a fixed rate.",
  optionsSchema: scriptedLlmOptionsSchema,
  create: (options) => createScriptedLlm(options),
});
