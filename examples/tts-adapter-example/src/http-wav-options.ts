import { z } from "zod";

/**
 * The adapter's options: the one source of their defaults, their checks and
 * their descriptions (voxpipe validates a config's `options` with it, and an
 * editor completes them from it).
 */
export const httpWavTtsOptionsSchema = z.object({
  url: z
    .string()
    .url()
    .default("http://127.0.0.1:5500/api/tts")
    .describe("The server's TTS endpoint. voxpipe sends GET <url>?text=…&voice=… and expects a 16-bit PCM WAV back (OpenTTS listens on port 5500, Mimic 3 on 59125, Coqui TTS's server on 5002)."),
  voice: z.string().min(1).optional().describe('Sent as the `voice` query parameter, e.g. "espeak:en" (OpenTTS) or "en_US/vctk_low" (Mimic 3). The server\'s default voice when omitted.'),
  sampleRate: z.number().int().min(8000).max(192000).default(22050).describe("The sample rate of the server's WAVs, in Hz. A WAV at another rate is an error that names both."),
  timeoutMs: z.number().int().positive().default(30_000).describe("How long one request may take before it fails as `tts-timeout`."),
});

/** The options as a config or a caller writes them (every key optional). */
export type HttpWavTtsOptions = z.input<typeof httpWavTtsOptionsSchema>;
/** The options after validation, with defaults filled in. */
export type ResolvedHttpWavTtsOptions = z.output<typeof httpWavTtsOptionsSchema>;
