import { z } from "zod";
import { MODEL_VARIANTS } from "./model-source.js";

/** Options of the Kokoro adapter (`tts: { use: "@voxpipe/tts-kokoro", options: … }`). */
export const kokoroOptionsSchema = z.object({
  model: z
    .string()
    .min(1)
    .default("q8")
    .describe(
      `Kokoro v1.0 ONNX model: a variant of onnx-community/Kokoro-82M-v1.0-ONNX downloaded on first use into \`cacheDir\` (${Object.keys(MODEL_VARIANTS).map((name) => `"${name}"`).join(", ")}; ` +
        `"q8" = "quantized", about 90 MB), a path to a .onnx file (relative paths resolve from the config file's folder, then $VOXPIPE_MODELS_DIR and $VOXPIPE_MODELS_DIR/tts), ` +
        "an `hf:owner/repo[@revision]/path.onnx` URI, or an http(s) URL.",
    ),
  voice: z
    .string()
    .min(1)
    .default("af_heart")
    .describe(
      'Voice: a name (NAME.bin in `voicesDir`, else in voices/ beside the model; downloaded with a keyword model), a .bin file, or a blend such as "af_heart:0.7,af_bella:0.3" (weights normalized to sum 1). ' +
        'Names starting with "a" are American English, "b" British.',
    ),
  voicesDir: z.string().min(1).optional().describe("Folder of voice files (NAME.bin). Default: voices/ or ../voices/ beside the model."),
  speed: z.number().positive().max(4).default(1).describe("Speaking rate: 1 normal, above 1 faster. A request's speed multiplies it."),
  lang: z
    .enum(["en-us", "en-gb"])
    .optional()
    .describe('Phonemes for American ("en-us") or British ("en-gb") English. Default: from the voice name ("b…" voices British, others American).'),
  threads: z.number().int().positive().default(1).describe("onnxruntime intra-op threads. Default 1, so the LLM keeps the other cores."),
  executionProviders: z
    .array(z.string().min(1))
    .min(1)
    .default(["cpu"])
    .describe('onnxruntime execution providers in order of preference, e.g. ["cuda", "cpu"]. GPU providers need a GPU build of onnxruntime.'),
  cacheDir: z
    .string()
    .min(1)
    .optional()
    .describe("Where downloads are kept. Default: $VOXPIPE_CACHE_DIR/kokoro, else $XDG_CACHE_HOME/voxpipe/kokoro, else ~/.cache/voxpipe/kokoro."),
});

/** Options as written in a config file (before defaults). */
export type KokoroOptions = z.input<typeof kokoroOptionsSchema>;
/** Options after validation and defaults. */
export type ResolvedKokoroOptions = z.output<typeof kokoroOptionsSchema>;
