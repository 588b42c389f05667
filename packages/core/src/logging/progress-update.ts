/**
 * One update on a long task an adapter runs for the user (a model download, a
 * model load). The host shows it: a progress bar on a terminal, a line every
 * few seconds otherwise. See `AdapterContext.progress`.
 */
export interface ProgressUpdate {
  /** The same for every update of one task, and different from every other task's. */
  id: string;
  /** What is happening, with the adapter's prefix, e.g. `llama-cpp: downloading hf:Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf`. */
  label: string;
  /** `running` while it goes on (the first update starts the task), then `done` or `failed` once. */
  state: "running" | "done" | "failed";
  /** Bytes done so far, for tasks that move bytes (a resumed download starts above 0). */
  doneBytes?: number;
  /** Bytes in all, when known. */
  totalBytes?: number;
}
