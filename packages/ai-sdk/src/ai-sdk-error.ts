import { APICallError, type LanguageModelV4, type SpeechModelV4 } from "@ai-sdk/provider";
import { Redactor, VoxpipeError, secretValuesOfEnv, type Stage } from "@voxpipe/core";

/**
 * An AI SDK failure as a VoxpipeError of the stage: `APICallError`'s
 * `isRetryable` (429, 5xx, network) becomes `retryable`. Only the error's
 * message is kept, never its request body or headers, which may hold keys.
 */
export function aiSdkErrorToVoxpipe(error: unknown, model: Pick<LanguageModelV4 | SpeechModelV4, "provider" | "modelId">, stage: Stage = "llm"): VoxpipeError {
  const redactor = new Redactor(secretValuesOfEnv(process.env));
  if (VoxpipeError.isInstance(error)) return redactor.redactError(error);
  const detail = redactor.redact(error instanceof Error ? error.message : String(error));
  const name = `${model.provider}:${model.modelId}`;
  if (APICallError.isInstance(error)) {
    return new VoxpipeError({
      code: `${stage}-http-${error.statusCode ?? "error"}`,
      stage,
      message: `The AI SDK model ${name} failed${error.statusCode ? ` with HTTP ${error.statusCode}` : ""}: ${detail}`,
      retryable: error.isRetryable,
    });
  }
  return new VoxpipeError({ code: `${stage}-failed`, stage, message: `The AI SDK model ${name} failed: ${detail}` });
}
