import type { LlmRequest } from "./llm-request.js";
import type { LlmStreamPart } from "./llm-stream-part.js";

/** A streaming language model. Adapters implement this; the pipeline consumes it. */
export interface LlmProvider {
  /** Adapter id, e.g. `llama-cpp`, `ollama`. */
  readonly id: string;
  /** The model in use, for display and metrics (a file name or a model name). */
  readonly model: string;
  /**
   * Streams the reply to `request`. Must honour `request.signal`: once it fires,
   * stop model work and network I/O and end the stream promptly (with a
   * `finish` of reason `abort`, or by returning). Failures are reported as an
   * `error` part rather than thrown where possible.
   */
  stream(request: LlmRequest): AsyncIterable<LlmStreamPart>;
  /**
   * Loads the model (and anything else heavy) now rather than on the first
   * request, so the first reply is not slowed by loading. Optional; safe to
   * call more than once.
   */
  load?(): Promise<void>;
  /** Frees models, contexts and sockets. Idempotent. */
  dispose?(): Promise<void>;
}
