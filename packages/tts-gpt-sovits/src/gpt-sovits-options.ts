import { z } from "zod";
import { aliasWarnings, withAliasWarnings } from "@voxpipe/core/adapter-kit";

const FIRST_AUDIO_TIMEOUT_MS = 60_000;
const IDLE_TIMEOUT_MS = 60_000;

/** Old option names still accepted, with the names that replaced them. */
const TIMEOUT_ALIASES = { timeoutMs: ["firstAudioTimeoutMs", "idleTimeoutMs"] } as const;

/** The options as written, old names included; the exported schema maps them. */
const optionsObjectSchema = z
  .object({
    baseURL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:9880").describe("Address of the GPT-SoVITS api_v2 server (`python api_v2.py -a 127.0.0.1 -p 9880`)."),
    refAudioPath: z
      .string()
      .min(1)
      .describe("Reference clip (3–10 s) of the voice to clone, as a path on the server's machine: the server opens it, and a relative path is relative to the server's working directory."),
    promptText: z.string().default("").describe("Transcript of the reference clip. Empty runs without a prompt text (lower quality)."),
    promptLang: z.string().min(1).default("auto").describe("Language of the reference clip: `zh`, `en`, `ja`, `ko`, `yue`, `auto`… (PrimeSpeech's default is `auto`)."),
    textLang: z.string().min(1).default("auto").describe("Language of the text to speak: `zh`, `en`, `ja`, `ko`, `yue`, `auto`, `all_zh`… (PrimeSpeech's TEXT_LANG default is `auto`)."),
    auxRefAudioPaths: z.array(z.string().min(1)).default([]).describe("Extra reference clips (server paths) whose timbre is blended in."),
    topK: z.number().int().positive().default(15).describe("Top-k sampling of the GPT stage."),
    topP: z.number().gt(0).max(1).default(1).describe("Top-p sampling of the GPT stage."),
    temperature: z.number().gt(0).default(1).describe("Sampling temperature of the GPT stage."),
    repetitionPenalty: z.number().positive().default(1.35).describe("Repetition penalty of the GPT stage."),
    textSplitMethod: z.string().min(1).default("cut5").describe("How the server splits text before synthesis: `cut0` (none) … `cut5` (by punctuation)."),
    batchSize: z.number().int().positive().default(1).describe("Inference batch size."),
    splitBucket: z.boolean().default(true).describe("Bucket sentences of similar length when batching."),
    speedFactor: z.number().positive().default(1).describe("Speaking rate (1 = normal). Multiplied by the request's `speed`."),
    fragmentInterval: z.number().nonnegative().default(0.3).describe("Silence in seconds between the sentences the server synthesizes (the seed's FRAGMENT_INTERVAL)."),
    seed: z.number().int().default(-1).describe("Random seed; -1 picks a new one per request."),
    parallelInfer: z.boolean().default(true).describe("Let the server run sentences in parallel."),
    streamingMode: z
      .union([z.boolean(), z.literal(0), z.literal(1), z.literal(2), z.literal(3)])
      .default(true)
      .describe(
        "Return audio as it is made (the seed's RETURN_FRAGMENT). `true`/1: sentence by sentence; 2 and 3 (recent api_v2 only): smaller chunks, sooner, at some cost in quality; `false`/0: the whole clip at the end (the adapter then yields one chunk).",
      ),
    mediaType: z
      .enum(["wav", "raw"])
      .default("wav")
      .describe("`wav`: the server sends a header first, which the adapter checks against `sampleRate`. `raw`: bare 16-bit PCM, assumed to be at `sampleRate`."),
    sampleRate: z
      .number()
      .int()
      .positive()
      .default(32000)
      .describe("The declared output rate in Hz; must match the loaded model (32000 for v1/v2/v2Pro, 24000 for v3, 48000 for v4). A WAV header with another rate is an error naming both."),
    firstAudioTimeoutMs: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        `Longest wait from sending a request to its first audio byte. Without streaming the server answers only after the whole clip is made, so allow for that. Default ${FIRST_AUDIO_TIMEOUT_MS}.`,
      ),
    idleTimeoutMs: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(`Longest gap between audio chunks once audio has started; with streaming, each next sentence arrives only once it is made. Default ${IDLE_TIMEOUT_MS}.`),
    timeoutMs: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ deprecated: true, description: "Deprecated: sets both `firstAudioTimeoutMs` and `idleTimeoutMs` (either given too wins); still read, with a warning." }),
  })
  .strict();

/**
 * Options of `@voxpipe/tts-gpt-sovits`. Defaults follow GPT-SoVITS `api_v2.py`
 * unless noted. The deprecated `timeoutMs` sets both `firstAudioTimeoutMs`
 * and `idleTimeoutMs` (a new name given too wins); the factory logs the
 * warnings `aliasWarningsOf` returns.
 */
export const gptSovitsOptionsSchema = optionsObjectSchema.transform((input) => {
  const { timeoutMs, ...options } = input;
  const resolved = {
    ...options,
    firstAudioTimeoutMs: options.firstAudioTimeoutMs ?? timeoutMs ?? FIRST_AUDIO_TIMEOUT_MS,
    idleTimeoutMs: options.idleTimeoutMs ?? timeoutMs ?? IDLE_TIMEOUT_MS,
  };
  return withAliasWarnings(resolved, aliasWarnings("tts-gpt-sovits", input, TIMEOUT_ALIASES));
});

/** Options as written in a config (defaults not yet applied). */
export type GptSovitsOptionsInput = Omit<z.input<typeof gptSovitsOptionsSchema>, keyof typeof TIMEOUT_ALIASES> & {
  /** @deprecated Set `firstAudioTimeoutMs` and `idleTimeoutMs` instead; this sets both. */
  timeoutMs?: number | undefined;
};
/** Options after validation, with defaults. */
export type GptSovitsOptions = z.output<typeof gptSovitsOptionsSchema>;

/** The JSON body of `POST /tts` for one piece of text. */
export function ttsRequestBody(options: GptSovitsOptions, text: string, speed: number): Record<string, unknown> {
  return {
    text,
    text_lang: options.textLang,
    ref_audio_path: options.refAudioPath,
    aux_ref_audio_paths: options.auxRefAudioPaths,
    prompt_text: options.promptText,
    prompt_lang: options.promptLang,
    top_k: options.topK,
    top_p: options.topP,
    temperature: options.temperature,
    text_split_method: options.textSplitMethod,
    batch_size: options.batchSize,
    split_bucket: options.splitBucket,
    speed_factor: options.speedFactor * speed,
    fragment_interval: options.fragmentInterval,
    seed: options.seed,
    media_type: options.mediaType,
    streaming_mode: options.streamingMode,
    parallel_infer: options.parallelInfer,
    repetition_penalty: options.repetitionPenalty,
  };
}
