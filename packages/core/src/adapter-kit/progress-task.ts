import { createProgressDisplay } from "../logging/progress-display.js";
import type { ProgressUpdate } from "../logging/progress-update.js";
import type { AdapterContext } from "../registry/define-adapter.js";

/** One long task's progress, as an adapter reports it. */
export interface ProgressTask {
  /** Bytes done so far, and the total when known. */
  bytes(doneBytes: number, totalBytes?: number): void;
  /** The task finished. Later calls are ignored. */
  done(): void;
  /** The task stopped (failed or aborted); the error itself is reported elsewhere. Later calls are ignored. */
  failed(): void;
}

let tasks = 0;

/**
 * Starts reporting a long task (a download, a model load) under `label`, e.g.
 * `piper: downloading https://…`. Goes to `context.progress` (shown at the
 * default log level: a bar on a terminal, a line every few seconds otherwise);
 * a host without it gets the same lines through `context.log` at "info".
 */
export function startProgress(context: Pick<AdapterContext, "log" | "progress">, label: string, start: { doneBytes?: number; totalBytes?: number } = {}): ProgressTask {
  const id = `${label}#${++tasks}`;
  const show =
    context.progress ??
    ((display) => (update: ProgressUpdate) => display.update(update))(
      createProgressDisplay({ write: (text) => context.log("info", text.replace(/\n$/, "")), isTTY: false, prefix: "" }),
    );
  let last: Pick<ProgressUpdate, "doneBytes" | "totalBytes"> = start;
  let ended = false;
  const send = (state: ProgressUpdate["state"]) => show({ id, label, state, ...last });
  send("running");
  return {
    bytes(doneBytes, totalBytes) {
      if (ended) return;
      last = { doneBytes, ...(totalBytes === undefined ? (last.totalBytes === undefined ? {} : { totalBytes: last.totalBytes }) : { totalBytes }) };
      send("running");
    },
    done() {
      if (ended) return;
      ended = true;
      send("done");
    },
    failed() {
      if (ended) return;
      ended = true;
      send("failed");
    },
  };
}
