import { z } from "zod";

/** The config's `output` key: the audio format runs deliver, whatever the TTS produces. */
export const outputFormatSchema = z
  .object({
    sampleRate: z
      .number()
      .int()
      .min(8000)
      .max(192_000)
      .optional()
      .describe("Samples per second of the audio delivered, e.g. 48000 for WebRTC, 16000 or 8000 for telephony (omitted: the TTS's own rate)."),
    channels: z.union([z.literal(1), z.literal(2)]).optional().describe("1 (mono) or 2 (stereo, the mono voice on both) (omitted: the TTS's own)."),
  })
  .strict();

/** The audio format asked of a run; an omitted field keeps the TTS's own. */
export type OutputFormat = z.output<typeof outputFormatSchema>;
