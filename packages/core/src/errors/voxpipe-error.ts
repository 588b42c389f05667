const marker = Symbol.for("voxpipe.error");

/** Where in the flow something went wrong. */
export type Stage = "config" | "registry" | "llm" | "segmenter" | "tts" | "pipeline" | "sink";

export interface VoxpipeErrorFields {
  /** Stable machine-readable code, e.g. `model-not-found`, `llm-stream-dropped`. */
  code: string;
  /** The pipeline stage that failed. */
  stage: Stage;
  /** Human-readable message that says what happened and what to do. */
  message: string;
  /** True when the same request may succeed if tried again (timeouts, 429, 5xx). */
  retryable?: boolean;
  /** Milliseconds the backend asked us to wait before retrying (e.g. from Retry-After). */
  retryAfterMs?: number;
  /** The underlying error, kept for debugging. */
  cause?: unknown;
}

/**
 * The one error type voxpipe throws or reports. Structured fields make it
 * machine-readable; `isInstance` works across duplicate installs of core.
 */
export class VoxpipeError extends Error {
  readonly [marker] = true;
  readonly code: string;
  readonly stage: Stage;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(fields: VoxpipeErrorFields) {
    super(fields.message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = "VoxpipeError";
    this.code = fields.code;
    this.stage = fields.stage;
    this.retryable = fields.retryable ?? false;
    this.retryAfterMs = fields.retryAfterMs;
  }

  static isInstance(value: unknown): value is VoxpipeError {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  /** Wraps anything thrown into a VoxpipeError for the given stage, keeping VoxpipeErrors as they are. */
  static from(value: unknown, stage: Stage, code = `${stage}-failed`): VoxpipeError {
    if (VoxpipeError.isInstance(value)) return value;
    const message = value instanceof Error ? value.message : String(value);
    return new VoxpipeError({ code, stage, message, cause: value });
  }

  toJSON(): { code: string; stage: Stage; message: string; retryable: boolean } {
    return { code: this.code, stage: this.stage, message: this.message, retryable: this.retryable };
  }
}

/** An invalid config file or option; `issues` lists every problem found. */
export class ConfigError extends VoxpipeError {
  readonly issues: readonly string[];
  constructor(message: string, issues: readonly string[] = [], cause?: unknown) {
    super({ code: "invalid-config", stage: "config", message, cause });
    this.name = "ConfigError";
    this.issues = issues;
  }
}

/** A model file that could not be found in any of the places voxpipe looked. */
export class ModelNotFoundError extends VoxpipeError {
  readonly searched: readonly string[];
  constructor(message: string, searched: readonly string[], stage: Stage) {
    super({ code: "model-not-found", stage, message });
    this.name = "ModelNotFoundError";
    this.searched = searched;
  }
}

/** Thrown when an operation is cancelled through its AbortSignal. */
export class AbortError extends VoxpipeError {
  constructor(stage: Stage = "pipeline", message = "The operation was aborted.") {
    super({ code: "aborted", stage, message });
    this.name = "AbortError";
  }
}

export function isAbortError(error: unknown): boolean {
  if (VoxpipeError.isInstance(error)) return error.code === "aborted";
  return error instanceof Error && (error.name === "AbortError" || (error as { code?: unknown }).code === "ABORT_ERR");
}
