import type { Writable } from "node:stream";

/** Why a run was cut short from outside, and the exit code that says so. */
export interface Interruption {
  /** "SIGINT", "SIGTERM", "SIGHUP", or "EPIPE" (a reader of stdout or stderr went away). */
  cause: "SIGINT" | "SIGTERM" | "SIGHUP" | "EPIPE";
  /** 128 + the signal's number (130, 143, 129), or 2 for a closed output. */
  exitCode: number;
}

const signalExitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type WatchedSignal = keyof typeof signalExitCodes;

/** What `watchInterruptions` hands the run. */
export interface InterruptionWatch {
  /** Aborted at the first signal or closed output. */
  signal: AbortSignal;
  /** The first interruption, once there was one. */
  readonly interruption: Interruption | undefined;
  /** Stops listening for signals (output errors stay handled: a late write must not crash the exit). */
  dispose(): void;
}

/** The output streams whose EPIPE errors have a handler already (once per stream per process). */
const guarded = new WeakSet<Writable>();
/** The active watch's handler for a closed output. */
let onOutputClosed: (() => void) | undefined;

/**
 * Turns SIGINT, SIGTERM, SIGHUP and EPIPE on `outputs` into one abort, so a
 * run ends cleanly (its WAV finalized) instead of dying mid-write. A second
 * signal means "now": `force()` runs (write what must survive, synchronously)
 * and the process exits at once with the first interruption's code.
 */
export function watchInterruptions(force: () => void, outputs: readonly Writable[] = [process.stdout, process.stderr]): InterruptionWatch {
  const controller = new AbortController();
  let interruption: Interruption | undefined;
  const interrupt = (next: Interruption): void => {
    if (interruption) {
      if (next.cause === "EPIPE") return;
      try {
        force();
      } catch {
        // The file may be closing already (its header then is final); exit with the first interruption's code regardless.
      } finally {
        process.exit(interruption.exitCode);
      }
    }
    interruption = next;
    controller.abort(new Error(next.cause === "EPIPE" ? "output closed (EPIPE)" : `interrupted by ${next.cause}`));
  };
  const handlers = (Object.keys(signalExitCodes) as WatchedSignal[]).map((name) => {
    const handler = (): void => interrupt({ cause: name, exitCode: signalExitCodes[name] });
    process.on(name, handler);
    return [name, handler] as const;
  });
  onOutputClosed = () => interrupt({ cause: "EPIPE", exitCode: 2 });
  for (const output of outputs) {
    if (guarded.has(output)) continue;
    guarded.add(output);
    output.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") onOutputClosed?.();
      // Any other error on stdout or stderr: nothing more can be reported there; the run's result stands.
    });
  }
  return {
    signal: controller.signal,
    get interruption() {
      return interruption;
    },
    dispose() {
      for (const [name, handler] of handlers) process.off(name, handler);
      onOutputClosed = undefined;
    },
  };
}
