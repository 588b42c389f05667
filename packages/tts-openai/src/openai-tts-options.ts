import { z } from "zod";
import { aliasWarnings, secret, withAliasWarnings } from "@voxpipe/core/adapter-kit";

/** The OpenAI API's address, used when neither `baseURL` nor OPENAI_BASE_URL is set. */
export const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

const FIRST_AUDIO_TIMEOUT_MS = 20_000;
const IDLE_TIMEOUT_MS = 30_000;

/** Old option names still accepted, with the names that replaced them. */
const TIMEOUT_ALIASES = { firstByteTimeoutMs: ["firstAudioTimeoutMs"], timeoutMs: ["idleTimeoutMs"] } as const;

/** The options as written, old names included; the exported schema maps them. */
const optionsObjectSchema = z
  .object({
    baseURL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        "Base URL of the speech API, up to and including `/v1`. Defaults to OPENAI_BASE_URL from the environment, else https://api.openai.com/v1. Point it at an OpenAI-compatible server (Kokoro-FastAPI, openedai-speech…).",
      ),
    apiKey: secret(z.string().min(1))
      .optional()
      .describe(
        "API key. Defaults to OPENAI_API_KEY from the environment. Required for api.openai.com; servers without auth need none. Never logged or shown in errors.",
      ),
    model: z.string().min(1).default("gpt-4o-mini-tts").describe("Speech model: `gpt-4o-mini-tts`, `tts-1`, `tts-1-hd`, or the compatible server's model name."),
    voice: z.string().min(1).default("alloy").describe("Voice name, e.g. `alloy`, `coral`, `nova`; a compatible server's voice id (e.g. Kokoro's `af_heart`)."),
    speed: z.number().min(0.25).max(4).default(1).describe("Speaking rate, 0.25 to 4 (1 = normal). Multiplied by the request's `speed`, then clamped to 0.25–4."),
    instructions: z.string().min(1).optional().describe("How to speak (tone, accent, pace). Only `gpt-4o-mini-tts` uses it; sent only when set."),
    headers: z
      .record(z.string(), secret(z.string()))
      .default({})
      .describe("Extra HTTP headers sent with every request (e.g. a proxy's routing header, or an `api-key`). Their values are treated as secrets: masked in errors, logs and `voxpipe config check`."),
    sampleRate: z
      .number()
      .int()
      .positive()
      .default(24000)
      .describe("Sample rate of the server's `pcm` output, in Hz. OpenAI and Kokoro-FastAPI send 24000; change it only for a compatible server that differs."),
    firstAudioTimeoutMs: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(`Longest wait from sending a request to its first audio byte (connect, headers and first body bytes). Default ${FIRST_AUDIO_TIMEOUT_MS}.`),
    idleTimeoutMs: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(`Longest gap between pieces of audio once audio has started (a stalled stream). The whole request may take longer while audio keeps arriving. Default ${IDLE_TIMEOUT_MS}.`),
    firstByteTimeoutMs: z.number().int().positive().optional().meta({ deprecated: true, description: "Deprecated name of `firstAudioTimeoutMs`; still read, with a warning." }),
    timeoutMs: z.number().int().positive().optional().meta({ deprecated: true, description: "Deprecated name of `idleTimeoutMs`; still read, with a warning." }),
    maxInputChars: z
      .number()
      .int()
      .positive()
      .default(4096)
      .describe("Longest text sent in one request; longer text is split at sentence ends and spoken through several requests in order. OpenAI accepts 4096."),
  })
  .strict();

/**
 * Options of `@voxpipe/tts-openai`. The deprecated `firstByteTimeoutMs` and
 * `timeoutMs` become `firstAudioTimeoutMs` and `idleTimeoutMs` (a new name
 * given too wins); the factory logs the warnings `aliasWarningsOf` returns.
 */
export const openAiTtsOptionsSchema = optionsObjectSchema.transform((input) => {
  const { firstByteTimeoutMs, timeoutMs, ...options } = input;
  const resolved = {
    ...options,
    firstAudioTimeoutMs: options.firstAudioTimeoutMs ?? firstByteTimeoutMs ?? FIRST_AUDIO_TIMEOUT_MS,
    idleTimeoutMs: options.idleTimeoutMs ?? timeoutMs ?? IDLE_TIMEOUT_MS,
  };
  return withAliasWarnings(resolved, aliasWarnings("tts-openai", input, TIMEOUT_ALIASES));
});

/** Options as written in a config (defaults not yet applied). */
export type OpenAiTtsOptionsInput = Omit<z.input<typeof openAiTtsOptionsSchema>, keyof typeof TIMEOUT_ALIASES> & {
  /** @deprecated Renamed `firstAudioTimeoutMs`. */
  firstByteTimeoutMs?: number | undefined;
  /** @deprecated Renamed `idleTimeoutMs`. */
  timeoutMs?: number | undefined;
};
/** Options after validation, with defaults. */
export type OpenAiTtsOptions = z.output<typeof openAiTtsOptionsSchema>;
