import { AbortError, VoxpipeError, type Stage } from "../errors/voxpipe-error.js";

/** A time limit for the next item of an iteration. */
export interface NextLimit {
  ms: number;
  /** The error to raise when the limit passes. */
  error: () => VoxpipeError;
}

/**
 * Iterates `iterable`, racing each `next()` against `signal` and an optional
 * per-item time limit, so a backend that ignores its signal or stalls cannot
 * hold the run. On early exit the source iterator is told to return (without
 * waiting for it). Timers are always cleared.
 */
export async function* iterateWithLimits<T>(
  iterable: AsyncIterable<T>,
  signal: AbortSignal,
  stage: Stage,
  limitFor: () => NextLimit | undefined,
): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      if (signal.aborted) throw new AbortError(stage);
      // The source's next item is asked for first (on the first call that starts the backend's work), then the limits are set.
      const next = iterator.next();
      const limit = limitFor();
      let timer: ReturnType<typeof setTimeout> | undefined;
      let onAbort: (() => void) | undefined;
      const stop = new Promise<never>((_, reject) => {
        onAbort = () => reject(new AbortError(stage));
        signal.addEventListener("abort", onAbort, { once: true });
        if (limit && limit.ms > 0) timer = setTimeout(() => reject(limit.error()), limit.ms);
      });
      let result: IteratorResult<T>;
      try {
        result = await Promise.race([next, stop]);
      } finally {
        clearTimeout(timer);
        if (onAbort) signal.removeEventListener("abort", onAbort);
      }
      if (result.done) {
        finished = true;
        return;
      }
      yield result.value;
    }
  } finally {
    if (!finished) void Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}

/** Builds a timeout error for a stage. */
export function timeoutError(stage: Stage, code: string, message: string): VoxpipeError {
  return new VoxpipeError({ code, stage, message, retryable: true });
}
