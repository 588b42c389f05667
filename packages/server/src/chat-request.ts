import { z } from "zod";

const textPart = z.object({ type: z.literal("text"), text: z.string() });

/** One message of OpenAI's chat request; `content` may be a string or text parts (other parts are refused). */
const messageSchema = z.object({
  role: z.enum(["system", "developer", "user", "assistant"]),
  content: z.union([z.string(), z.array(textPart), z.null()]).optional(),
  audio: z.object({ id: z.string() }).nullish(),
});

/** OpenAI's `POST /v1/chat/completions` body, as far as voxpipe honours it. */
export const chatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(messageSchema).min(1),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  modalities: z.array(z.enum(["text", "audio"])).nullish(),
  audio: z.object({ voice: z.union([z.string().min(1), z.object({ id: z.string().min(1) })]), format: z.string() }).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
  seed: z.number().int().nullish(),
  n: z.number().int().nullish(),
});
export type ChatRequest = z.output<typeof chatRequestSchema>;
