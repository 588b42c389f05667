import { z } from "zod";
import { DEFAULT_FADE_MS, DEFAULT_PAUSES_MS } from "./pause-options.js";

const pauseMs = (what: string, defaultMs: string): z.ZodOptional<z.ZodNumber> =>
  z.number().min(0).max(5000).optional().describe(`The pause ${what}, in ms. Default: the TTS's own (when learned), else ${defaultMs}.`);

/** The pause lengths and the fade, shared by the config's `pipeline.pauses` and `PipelineOptions.pauses`. */
export const pauseLengthsShape = {
  sentenceMs: pauseMs("after a sentence end (. ! ? …)", `${DEFAULT_PAUSES_MS.sentence}`),
  clauseMs: pauseMs("after a clause mark (, ; : —)", `${DEFAULT_PAUSES_MS.clause}`),
  paragraphMs: pauseMs("before a new paragraph, list item or heading", `${DEFAULT_PAUSES_MS.paragraph} (sentenceMs × ${DEFAULT_PAUSES_MS.paragraph} / ${DEFAULT_PAUSES_MS.sentence} when only sentenceMs is set)`),
  fadeMs: z.number().min(0).max(50).optional().describe(`Fade at a join that cuts through sound (a cut for length), in ms. Default ${DEFAULT_FADE_MS}.`),
};

/** A learned `PauseProfile` (`measurePauseProfile`), as `PipelineOptions.pauses.learned` takes it. */
export const pauseProfileSchema = z.strictObject({
  sentenceMs: z.number().min(0).optional(),
  clauseMs: z.number().min(0).optional(),
  paragraphMs: z.number().min(0).optional(),
  leadingMs: z.number().min(0),
  trailingMs: z.number().min(0),
  silenceThreshold: z.number().min(0).max(1),
});

/** `PipelineOptions.pauses`: `false`, or the lengths and a learned profile. */
export const pauseOptionsSchema = z.union([z.literal(false), z.strictObject({ ...pauseLengthsShape, learned: pauseProfileSchema.optional() })], {
  error: "expected false or an object { sentenceMs?, clauseMs?, paragraphMs?, fadeMs?, learned? }",
});

/** The config's `pipeline.pauses` key. */
export const pausesConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true).describe("Shape the silence at every segment join into the pause the text calls for. Off: each segment's audio is exactly what the TTS produced."),
    learn: z.boolean().default(true).describe("Measure the TTS's own pauses once after loading (five short probes) and use them where no length is set here."),
    ...pauseLengthsShape,
  })
  .default({ enabled: true, learn: true })
  .describe("Pauses at segment joins: after sentences, clauses and before paragraphs, as in the TTS's one-call speech.");
export type PausesConfig = z.output<typeof pausesConfigSchema>;
