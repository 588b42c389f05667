import { z } from "zod";

/** Options of the Piper adapter (`tts: { use: "@voxpipe/tts-piper", options: … }`). */
export const piperOptionsSchema = z.object({
  model: z
    .string()
    .min(1)
    .describe(
      "The voice's .onnx model: a path (relative paths resolve from the config file's folder, then $VOXPIPE_MODELS_DIR and $VOXPIPE_MODELS_DIR/tts), " +
        "an `hf:owner/repo[@revision]/path/to/voice.onnx` URI, or an http(s) URL; URIs and URLs are downloaded on first use into `cacheDir`.",
    ),
  config: z
    .string()
    .min(1)
    .optional()
    .describe("The voice's .onnx.json config (path, hf: URI or URL). Default: the model's location with `.json` appended."),
  speaker: z
    .union([z.number().int().nonnegative(), z.string().min(1)])
    .optional()
    .describe("Speaker of a multi-speaker voice: a number, or a name from the config's speaker_id_map. Default: speaker 0."),
  noiseScale: z.number().nonnegative().optional().describe("Voice variation (VITS noise_scale). Default: the voice config's inference.noise_scale."),
  lengthScale: z.number().positive().optional().describe("Phoneme length; above 1 is slower. Default: the voice config's inference.length_scale. A request's speed divides it."),
  noiseW: z.number().nonnegative().optional().describe("Phoneme length variation (VITS noise_w). Default: the voice config's inference.noise_w."),
  sentenceSilenceMs: z.number().nonnegative().default(0).describe("Silence added between sentences of one request, in ms."),
  espeakVoice: z.string().min(1).optional().describe("eSpeak NG voice for phonemes. Default: the voice config's espeak.voice."),
  executionProviders: z
    .array(z.string().min(1))
    .min(1)
    .default(["cpu"])
    .describe('onnxruntime execution providers in order of preference, e.g. ["cuda", "cpu"]. GPU providers need a GPU build of onnxruntime.'),
  threads: z.number().int().positive().optional().describe("onnxruntime intra-op threads. Default: onnxruntime's choice (all cores)."),
  cacheDir: z
    .string()
    .min(1)
    .optional()
    .describe("Where downloaded voices are kept. Default: $VOXPIPE_CACHE_DIR/piper, else $XDG_CACHE_HOME/voxpipe/piper, else ~/.cache/voxpipe/piper."),
});

/** Options as written in a config file (before defaults). */
export type PiperOptions = z.input<typeof piperOptionsSchema>;
/** Options after validation and defaults. */
export type ResolvedPiperOptions = z.output<typeof piperOptionsSchema>;
