import { stat } from "node:fs/promises";
import { VoxpipeError, type AdapterContext } from "@voxpipe/core";
import { startProgress } from "@voxpipe/core/adapter-kit";
import type { LlamaChatSession, LlamaCompletion, LlamaContext, LlamaModel } from "node-llama-cpp";
import { chooseGenerationMode, planThinking, promptSuffix, type ThinkingPlan } from "./generation-mode.js";
import { defaultThreads, type ResolvedLlamaCppOptions } from "./llama-cpp-options.js";
import { resolveModelFile } from "./resolve-model-file.js";
import { onLlamaLog, sharedLlama } from "./shared-llama.js";

/** The loaded model, its context and the one generator reused by every request. */
export interface LlamaRuntime {
  /** The model file in use. */
  readonly modelPath: string;
  /** The model's architecture from the GGUF, e.g. `llama`, `qwen3`. */
  readonly architecture: string | undefined;
  /** Threads the context evaluates with. */
  readonly threads: number;
  /** Context size after capping at the model's training context. */
  readonly contextSize: number;
  readonly model: LlamaModel;
  /** What generates: a completion (base models) or a chat session with its wrapper's name and thinking settings. */
  readonly generator:
    | { kind: "completion"; completion: LlamaCompletion }
    | { kind: "chat"; session: LlamaChatSession; wrapperName: string; thinking: ThinkingPlan; promptSuffix: string };
  /** Frees the context and the model. */
  dispose(): Promise<void>;
}

/**
 * Finds and loads the model (once per provider): resolves the file, checks it
 * is a readable GGUF, loads it, creates a context with one sequence, and picks
 * completion or chat mode from the GGUF's chat template.
 */
export async function loadRuntime(options: ResolvedLlamaCppOptions, context: AdapterContext, signal: AbortSignal): Promise<LlamaRuntime> {
  const started = performance.now();
  const modelPath = await resolveModelFile({ ...options, context, signal });
  const llama = await sharedLlama(options.gpu, options.build);
  const { LlamaChatSession, LlamaCompletion, readGgufFileInfo, resolveChatWrapper } = await import("node-llama-cpp");

  const loadErrors: string[] = [];
  const unsubscribe = onLlamaLog((level, message) => {
    if (level === "error") loadErrors.push(message);
    context.log("debug", `llama-cpp: ${message}`);
  });
  const megabytes = await stat(modelPath).then((info) => `${(info.size / (1024 * 1024)).toFixed(1)} MB`, () => "size unknown");
  const loading = startProgress(context, `llama-cpp: loading model ${modelPath} (${megabytes})`);
  let model: LlamaModel;
  try {
    await readGgufFileInfo(modelPath, { readTensorInfo: false, signal });
    model = await llama.loadModel({ modelPath, loadSignal: signal });
  } catch (error) {
    loading.failed();
    if (signal.aborted) throw error;
    throw await invalidModel(modelPath, error, loadErrors);
  } finally {
    unsubscribe();
  }

  let llamaContext: LlamaContext | undefined;
  try {
    const threads = options.threads ?? defaultThreads();
    const contextSize = Math.min(options.contextSize, model.trainContextSize || options.contextSize);
    llamaContext = await model.createContext({ contextSize, threads, sequences: 1, createSignal: signal });
    const sequence = llamaContext.getSequence();
    const architecture = model.fileInfo.metadata.general?.architecture as string | undefined;
    const hasTemplate = typeof model.fileInfo.metadata.tokenizer?.chat_template === "string";
    const mode = chooseGenerationMode(options.chatTemplate, hasTemplate);
    let generator: LlamaRuntime["generator"];
    if (mode.kind === "completion") {
      generator = { kind: "completion", completion: new LlamaCompletion({ contextSequence: sequence }) };
    } else {
      const thinking = planThinking(options.thinking);
      const chatWrapper = resolveChatWrapper(model, { type: mode.wrapper, customWrapperSettings: thinking.wrapperSettings });
      const session = new LlamaChatSession({ contextSequence: sequence, chatWrapper: chatWrapper ?? "auto" });
      const wrapperName = session.chatWrapper.wrapperName;
      generator = { kind: "chat", session, wrapperName, thinking, promptSuffix: promptSuffix(options.thinking, wrapperName, architecture) };
    }
    const ownedContext = llamaContext;
    loading.done();
    context.log("info", `llama-cpp: loaded model ${modelPath} in ${Math.round(performance.now() - started)} ms (${generator.kind === "chat" ? `chat, ${generator.wrapperName} format` : "completion mode"}, context ${contextSize}, ${threads} thread${threads === 1 ? "" : "s"})`);
    return {
      modelPath, architecture, threads, contextSize, model, generator,
      async dispose() {
        await ownedContext.dispose();
        await model.dispose();
      },
    };
  } catch (error) {
    loading.failed();
    await llamaContext?.dispose();
    await model.dispose();
    if (signal.aborted) throw error;
    throw new VoxpipeError({
      code: "llm-context-failed",
      stage: "llm",
      message: `llama-cpp: could not create a ${options.contextSize}-token context for ${modelPath}: ${error instanceof Error ? error.message : String(error)}. Try a smaller \`contextSize\`.`,
      cause: error,
    });
  }
}

async function invalidModel(modelPath: string, error: unknown, loadErrors: readonly string[]): Promise<VoxpipeError> {
  const size = await stat(modelPath).then((info) => `${info.size.toLocaleString("en-US")} bytes`, () => "unreadable");
  const detail = loadErrors.find((line) => line.includes("error loading model")) ?? loadErrors[0];
  const reason = error instanceof Error ? error.message : String(error);
  return new VoxpipeError({
    code: "llm-invalid-model",
    stage: "llm",
    message: `llama-cpp: "${modelPath}" (${size}) is not a loadable GGUF model: ${reason}${detail ? ` (${detail.replace(/^llama_model_load: /, "")})` : ""}. The file may be truncated (an interrupted download) or not a GGUF file; download it again or point \`model\` at a complete .gguf file.`,
    cause: error,
  });
}
