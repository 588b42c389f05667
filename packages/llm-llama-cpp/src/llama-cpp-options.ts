import { availableParallelism } from "node:os";
import { z } from "zod";

/** The model a user with internet gets when `model` is not set: Qwen3 0.6B (Q8_0, about 640 MB), fetched on first use. */
export const defaultModelUri = "hf:Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf";

/**
 * Chat wrapper names node-llama-cpp 3.21 knows (`specializedChatWrapperTypeNames`
 * plus `jinjaTemplate`). Kept here as strings so importing this package does not
 * load node-llama-cpp; a test checks the list against the library.
 */
export const chatWrapperNames = [
  "general", "deepSeek", "qwen", "llama3.2-lightweight", "llama3.1", "llama3", "llama2Chat", "mistral",
  "alpacaChat", "functionary", "chatML", "falconChat", "gemma4", "gemma", "harmony", "muse", "seed", "jinjaTemplate",
] as const;

/** A chat wrapper name from {@link chatWrapperNames}. */
export type ChatWrapperName = (typeof chatWrapperNames)[number];

/**
 * Default CPU threads: half the cores, between 1 and 8. On a 2-core machine
 * that is 1, which keeps tiny models fast when other work shares the CPU
 * (llama.cpp's own default, all cores, can drop them from ~1,000 to a few tokens per second).
 */
export function defaultThreads(): number {
  return Math.min(8, Math.max(1, Math.floor(availableParallelism() / 2)));
}

/** Options of the llama.cpp adapter (`@voxpipe/llm-llama-cpp`). */
export const llamaCppOptionsSchema = z.object({
  model: z.string().min(1).default(defaultModelUri)
    .describe("The GGUF model: a file path (relative paths resolve from the config's folder), an `hf:<user>/<repo>/<file>.gguf` URI or an https URL. URIs are downloaded into `cacheDir` on first use."),
  modelsDir: z.string().optional()
    .describe("Folder of local models, searched for the model's file name (and `llm/<name>`). Defaults to $VOXPIPE_MODELS_DIR."),
  cacheDir: z.string().optional()
    .describe("Folder downloads go to and are found in later. Defaults to $VOXPIPE_CACHE_DIR, else $XDG_CACHE_HOME/voxpipe/models, else ~/.cache/voxpipe/models."),
  download: z.union([z.literal("auto"), z.literal(false)]).default("auto")
    .describe("`auto` downloads a URI model that is not found locally; `false` never touches the network."),
  contextSize: z.number().int().min(64).default(4096)
    .describe("Context window in tokens, capped at the model's training context. Use 512 or less for stories260K."),
  threads: z.number().int().min(1).max(256).optional()
    .describe("CPU threads for generation. Default: half the cores, 1 to 8. Set it explicitly on busy machines; 1 is best for tiny models."),
  gpu: z.union([z.literal("auto"), z.literal(false)]).default("auto")
    .describe("`auto` uses a GPU build when one is installed and works, else the CPU; `false` forces the CPU."),
  build: z.enum(["never", "auto"]).default("never")
    .describe("`never` uses only prebuilt llama.cpp binaries and fails fast without one; `auto` may compile llama.cpp from source (needs cmake and a compiler; takes minutes)."),
  temperature: z.number().min(0).max(2).default(0.7).describe("Sampling temperature; 0 is greedy. A request's own value wins."),
  topP: z.number().gt(0).max(1).default(0.9).describe("Nucleus sampling threshold. A request's own value wins."),
  topK: z.number().int().min(1).default(40).describe("Sample from the k most likely tokens. A request's own value wins."),
  maxTokens: z.number().int().min(1).default(512).describe("Most tokens generated per reply. A request's own value wins."),
  seed: z.number().int().min(0).optional().describe("Seed for reproducible sampling. A request's own value wins."),
  systemPrompt: z.string().optional().describe("System message for chat models, added when the request has none. Ignored in completion mode."),
  chatTemplate: z.union([z.literal("auto"), z.literal("completion"), z.enum(chatWrapperNames)]).default("auto")
    .describe("`auto`: chat with the template found in the GGUF, or plain completion when it has none. `completion`: always continue the text. A wrapper name (e.g. `qwen`, `llama3.1`, `chatML`) forces that chat format."),
  thinking: z.boolean().default(false)
    .describe("Let reasoning models (Qwen3, DeepSeek-R1) think before answering. Off uses the model's own switch. Reasoning is streamed as `reasoning-delta` parts, never as text."),
});

/** Options as written in a config (defaults optional). */
export type LlamaCppOptions = z.input<typeof llamaCppOptionsSchema>;
/** Options after validation, with defaults filled in. */
export type ResolvedLlamaCppOptions = z.output<typeof llamaCppOptionsSchema>;
