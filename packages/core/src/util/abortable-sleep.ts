import { AbortError, type Stage } from "../errors/voxpipe-error.js";

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` fires; never leaves a timer behind. */
export function abortableSleep(ms: number, signal?: AbortSignal, stage: Stage = "pipeline"): Promise<void> {
  if (signal?.aborted) return Promise.reject(new AbortError(stage));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortError(stage));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Throws an AbortError when `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, stage: Stage = "pipeline"): void {
  if (signal?.aborted) throw new AbortError(stage);
}
