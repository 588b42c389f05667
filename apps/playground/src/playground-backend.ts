import type { ConversationSettingsInput, LlmProvider, LlmRequest, PipelineEvent, Redactor, TtsProvider } from "@voxpipe/core";

/**
 * What the playground needs from voxpipe: the two backends (for their names)
 * and a way to run a request. `openVoxpipe()` from the `voxpipe` package
 * returns one; tests may assemble their own.
 */
export interface PlaygroundBackend {
  llm: Pick<LlmProvider, "id" | "model">;
  tts: Pick<TtsProvider, "id" | "voice" | "format" | "streaming">;
  /** The config's default mode. */
  defaultMode: "streaming" | "whole";
  /** The config file's name for display (no folder), or "defaults". */
  configName: string;
  /** Masks the config's secrets in what the server shows (`hello`); without one, credential shapes are still masked. */
  redactor?: Pick<Redactor, "redact">;
  /** The config's `conversation` settings (system prompt, history bounds); defaults when omitted. */
  conversation?: ConversationSettingsInput;
  /** Runs one request: a session sends `{ messages }`, its conversation so far and the new user turn. */
  run(request: Omit<LlmRequest, "signal">, options: { mode: "streaming" | "whole"; signal: AbortSignal }): AsyncIterable<PipelineEvent>;
  /**
   * A runner for one listener (one WebSocket session), whose runs share what
   * they learn about that listener, such as the playout lead. Without it, the
   * session uses `run` above.
   */
  session?(): Pick<PlaygroundBackend, "run">;
}
