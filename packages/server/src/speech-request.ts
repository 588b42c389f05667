import { z } from "zod";

/** OpenAI's `POST /v1/audio/speech` body, as far as voxpipe honours it. */
export const speechRequestSchema = z.object({
  model: z.string().min(1),
  input: z.string(),
  voice: z.union([z.string().min(1), z.object({ id: z.string().min(1) })]),
  instructions: z.string().optional(),
  response_format: z.string().default("mp3"),
  speed: z.number().min(0.25).max(4).default(1),
  stream_format: z.enum(["audio", "sse"]).default("audio"),
  /** voxpipe extension: `native` sends `pcm`/`wav` at the TTS backend's own rate instead of 24 kHz. */
  sample_rate: z.union([z.literal("native"), z.literal(24_000)]).optional(),
});
export type SpeechRequest = z.output<typeof speechRequestSchema>;

/** Audio formats the speech endpoint answers with. */
export const speechFormats = ["pcm", "wav"] as const;
