import { AbortError, type Stage } from "../errors/voxpipe-error.js";

/**
 * Resolves like `promise`, but rejects with an AbortError (of `stage`, default
 * "tts") as soon as `signal` fires. The work behind `promise` goes on; its
 * outcome is ignored.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, stage: Stage = "tts"): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new AbortError(stage));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      promise.catch(() => undefined);
      reject(new AbortError(stage));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
