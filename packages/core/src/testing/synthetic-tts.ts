import { z } from "zod";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import type { AudioChunk } from "../tts/audio-chunk.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import { parseAdapterOptions } from "../adapter-kit/parse-adapter-options.js";
import { defineAdapter } from "../registry/define-adapter.js";
import { abortableSleep } from "../util/abortable-sleep.js";
import { sineTone } from "./sine-tone.js";

/** Options of the synthetic TTS, a TEST DOUBLE that makes tones. */
export const syntheticTtsOptionsSchema = z.object({
  firstChunkMs: z.number().nonnegative().default(0).describe("Latency before the first chunk of each request."),
  realTimeFactor: z.number().nonnegative().default(0).describe("Synthesis time / audio duration; 0 = instant."),
  sampleRate: z.number().int().positive().default(24000).describe("Output sample rate."),
  msPerChar: z.number().positive().default(60).describe("Audio length per character of text."),
  chunkMs: z.number().positive().default(100).describe("Audio per chunk."),
  streaming: z.boolean().default(true).describe("Stream fragments (true) or return each request whole (false)."),
  failOnSegment: z.number().int().nonnegative().optional().describe("Throw on the k-th request (0-based), after half its audio."),
  hangOnSegment: z.number().int().nonnegative().optional().describe("Never finish the k-th request (until aborted)."),
  silentOnSegment: z.number().int().nonnegative().optional().describe("Return zero audio for the k-th request."),
  wrongRateOnSegment: z.number().int().nonnegative().optional().describe("Return the k-th request's audio at half the declared sample rate."),
  voice: z.string().default("tone"),
});
export type SyntheticTtsOptions = z.input<typeof syntheticTtsOptionsSchema>;

/**
 * TEST DOUBLE — not a speech engine. Produces a 440 Hz tone whose length
 * follows the text (`msPerChar`), at `realTimeFactor` speed after
 * `firstChunkMs`. Requests are counted from 0 for the `…OnSegment` faults.
 */
export function createSyntheticTts(input: SyntheticTtsOptions = {}): TtsProvider {
  const options = parseAdapterOptions("@voxpipe/core/testing#syntheticTts", syntheticTtsOptionsSchema, input);
  let requestCount = 0;
  return {
    id: "synthetic-tts (test double)",
    voice: options.voice,
    format: { sampleRate: options.sampleRate, channels: 1 },
    streaming: options.streaming ? "fragments" : "whole",
    async *synthesize(request): AsyncGenerator<AudioChunk> {
      const k = requestCount++;
      const signal = request.signal;
      const text = request.text.trim();
      if (!text) return;
      const start = performance.now();
      await abortableSleep(options.firstChunkMs, signal, "tts");
      if (k === options.hangOnSegment) await abortableSleep(2 ** 31 - 1, signal, "tts");
      if (k === options.silentOnSegment) return;
      const sampleRate = k === options.wrongRateOnSegment ? options.sampleRate / 2 : options.sampleRate;
      const totalFrames = Math.round(((([...text].length * options.msPerChar) / (request.speed ?? 1)) / 1000) * sampleRate);
      const chunkFrames = options.streaming ? Math.max(1, Math.round((options.chunkMs / 1000) * sampleRate)) : totalFrames;
      const whole: Float32Array[] = [];
      for (let frame = 0; frame < totalFrames; frame += chunkFrames) {
        const frames = Math.min(chunkFrames, totalFrames - frame);
        if (k === options.failOnSegment && frame >= totalFrames / 2) {
          throw new VoxpipeError({ code: "tts-failed", stage: "tts", message: `synthetic TTS (test double): failed on segment ${k} as configured (failOnSegment)` });
        }
        const due = start + options.firstChunkMs + ((frame + frames) / sampleRate) * 1000 * options.realTimeFactor;
        await abortableSleep(due - performance.now(), signal, "tts");
        const pcm = sineTone(frame, frames, sampleRate);
        if (options.streaming) yield { pcm, sampleRate, channels: 1 };
        else whole.push(pcm);
      }
      if (!options.streaming && whole.length > 0) {
        const pcm = new Float32Array(totalFrames);
        let offset = 0;
        for (const part of whole) {
          pcm.set(part, offset);
          offset += part.length;
        }
        yield { pcm, sampleRate, channels: 1 };
      }
    },
  };
}

/** Config entry: `use: "@voxpipe/core/testing#syntheticTts"`. A TEST DOUBLE. */
export const syntheticTts = defineAdapter({
  kind: "tts",
  id: "synthetic-tts",
  description: "TEST DOUBLE: a tone whose length follows the text.",
  optionsSchema: syntheticTtsOptionsSchema,
  create: (options) => createSyntheticTts(options),
});
