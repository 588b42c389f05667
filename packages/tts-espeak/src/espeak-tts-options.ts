import { z } from "zod";

/** Slowest and fastest speaking rates eSpeak NG honours, in words per minute. */
export const ESPEAK_MIN_RATE = 80;
export const ESPEAK_MAX_RATE = 450;

/** Options of the eSpeak NG adapter. */
export const espeakTtsOptionsSchema = z.object({
  voice: z
    .string()
    .min(1)
    .default("en-us")
    .describe("eSpeak NG voice or language, e.g. `en-us`, `en-gb`, `de`, `fr`; a variant may follow `+`, e.g. `en-us+f3`."),
  rate: z
    .number()
    .min(ESPEAK_MIN_RATE)
    .max(ESPEAK_MAX_RATE)
    .default(175)
    .describe("Speaking rate in words per minute (80–450, eSpeak's default 175). A request's `speed` multiplies it; the product is clamped to 80–450."),
  pitch: z.number().int().min(0).max(99).default(50).describe("Base pitch, 0–99 (eSpeak's default 50)."),
  volume: z
    .number()
    .int()
    .min(0)
    .max(200)
    .optional()
    .describe("Amplitude, 0–200 (eSpeak's default 100). Values above 100 may clip."),
  wordTimings: z.boolean().default(true).describe("Attach word timings (`words`) to audio chunks."),
});

/** What `createEspeakTts` accepts (every field optional). */
export type EspeakTtsOptions = z.input<typeof espeakTtsOptionsSchema>;
/** Options after defaults are applied. */
export type ResolvedEspeakTtsOptions = z.output<typeof espeakTtsOptionsSchema>;
