import { NoSuchModelError, type ProviderV4 } from "@ai-sdk/provider";
import { openSpeechBackends, type SpeechBackends } from "./speech-backends.js";
import { VoxpipeSpeechModel } from "./voxpipe-speech-model.js";
import type { VoxpipeProviderSettings } from "./voxpipe-settings.js";

/** voxpipe as an AI SDK provider: speech models only. */
export interface VoxpipeProvider extends ProviderV4 {
  /** A streaming speech model (`experimental_streamSpeech`, `generateSpeech`). `modelId` is a label for telemetry (default "voxpipe"). */
  speech(modelId?: string): VoxpipeSpeechModel;
  /** The same as `speech`. */
  speechModel(modelId?: string): VoxpipeSpeechModel;
  /** Opens the backends now (config, adapters, voice loading) instead of on the first call; rejects with the config's problems. */
  ready(): Promise<void>;
  /** Frees the TTS backends voxpipe created from the config. Models stop working after this. */
  dispose(): Promise<void>;
}

/**
 * Creates the voxpipe provider. Nothing is loaded until the first call (or
 * `ready()`); the backends are then opened once and shared by every model of
 * this provider.
 *
 * ```ts
 * const voxpipe = createVoxpipe({ configFile: "voxpipe.config.yaml" });
 * const speech = experimental_streamSpeech({ model: voxpipe.speech(), text: streamText({ model, prompt }).textStream });
 * ```
 */
export function createVoxpipe(settings: VoxpipeProviderSettings = {}): VoxpipeProvider {
  let opening: Promise<SpeechBackends> | undefined;
  let disposed = false;
  const backends = (): Promise<SpeechBackends> => {
    if (disposed) return Promise.reject(new Error("This voxpipe provider was disposed; create a new one with createVoxpipe()."));
    // A failed opening is not kept, so the next call tries again (after the config or the backend was fixed).
    opening ??= openSpeechBackends(settings).catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
  const speech = (modelId = "voxpipe"): VoxpipeSpeechModel => new VoxpipeSpeechModel(modelId, backends);
  const noSuchModel = (modelType: "languageModel" | "embeddingModel" | "imageModel") => (modelId: string): never => {
    throw new NoSuchModelError({ modelId, modelType, message: `voxpipe provides speech models only (voxpipe.speech()); "${modelId}" is a ${modelType}. Use llmFromAiSdk() to drive voxpipe with an AI SDK language model.` });
  };
  return {
    specificationVersion: "v4",
    speech,
    speechModel: speech,
    languageModel: noSuchModel("languageModel"),
    embeddingModel: noSuchModel("embeddingModel"),
    imageModel: noSuchModel("imageModel"),
    async ready() {
      await backends();
    },
    async dispose() {
      disposed = true;
      const opened = opening;
      opening = undefined;
      if (opened) await (await opened.catch(() => undefined))?.dispose();
    },
  };
}
