import { z } from "zod";

/** Limits that keep one client from taking a server's memory or all its streams. */
export const serverLimitsSchema = z
  .object({
    maxBodyBytes: z.number().int().min(1024).default(1_048_576).describe("Largest request body accepted, in bytes (413 above)."),
    maxInputChars: z.number().int().min(1).default(4096).describe("Longest `input` of a speech request, in characters (OpenAI's own limit is 4096)."),
    maxMessagesChars: z.number().int().min(1).default(100_000).describe("Longest total text of a chat request's messages, in characters."),
    maxStreamsPerKey: z.number().int().min(1).default(8).describe("Streams one API key (or, without keys, one client address) may have open at once (429 above)."),
    retryAfterSeconds: z.number().int().min(1).default(1).describe("The Retry-After a 429 answers with."),
  })
  .strict();

/** The `server` section: how `voxpipe serve` listens and whom it serves. */
export const serverConfigSchema = z
  .object({
    port: z.number().int().min(0).max(65_535).default(8000).describe("TCP port (0: any free port). Flag: --port."),
    host: z.string().min(1).default("127.0.0.1").describe("Address to bind. Flag: --host. A non-loopback address needs apiKeys (or allowUnauthenticated)."),
    apiKeys: z.array(z.string().min(8)).default([]).describe("Bearer keys accepted (at least 8 characters each). Env: VOXPIPE_API_KEYS (comma-separated) adds to these."),
    allowUnauthenticated: z.boolean().default(false).describe("Serve a non-loopback address with no API keys (only behind a gateway that authenticates)."),
    cors: z
      .object({ origins: z.array(z.string().min(1)).default([]).describe('Browser origins allowed to call the API, e.g. "https://app.example.com"; "*" allows any.') })
      .strict()
      .default({ origins: [] }),
    limits: serverLimitsSchema.default(serverLimitsSchema.parse({})),
    drainMs: z.number().int().min(0).default(30_000).describe("On SIGTERM, how long in-flight streams may run on before they are cut and the process exits."),
    models: z.array(z.string().min(1)).default(["voxpipe"]).describe("Model ids GET /v1/models lists; requests may name any model."),
    voices: z
      .record(z.string().min(1), z.string().min(1))
      .default({})
      .describe(
        'Voice names requests may use, each mapped to a voice of the TTS backend, e.g. { alloy: "en-us", narrator: "en-gb+m3" }. An OpenAI voice name not listed here gets the configured voice; any other name goes to the backend as it is.',
      ),
  })
  .strict();

export type ServerConfig = z.output<typeof serverConfigSchema>;
export type ServerConfigInput = z.input<typeof serverConfigSchema>;
