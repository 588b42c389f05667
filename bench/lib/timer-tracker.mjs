// Counts the timers (setTimeout / setInterval) that are pending, by wrapping
// the globals. Code that looks the globals up at call time — the pipeline and
// the test doubles do — is tracked from install() on. The benchmark's own
// timers use the saved originals and are never counted.
export const originalSetTimeout = globalThis.setTimeout;
export const originalClearTimeout = globalThis.clearTimeout;
const originalSetInterval = globalThis.setInterval;
const originalClearInterval = globalThis.clearInterval;

export function installTimerTracker() {
  const pending = new Set();
  globalThis.setTimeout = function trackedSetTimeout(callback, ms, ...args) {
    const timer = originalSetTimeout(
      (...callArgs) => {
        pending.delete(timer);
        callback(...callArgs);
      },
      ms,
      ...args,
    );
    pending.add(timer);
    return timer;
  };
  globalThis.clearTimeout = function trackedClearTimeout(timer) {
    pending.delete(timer);
    originalClearTimeout(timer);
  };
  globalThis.setInterval = function trackedSetInterval(callback, ms, ...args) {
    const timer = originalSetInterval(callback, ms, ...args);
    pending.add(timer);
    return timer;
  };
  globalThis.clearInterval = function trackedClearInterval(timer) {
    pending.delete(timer);
    originalClearInterval(timer);
  };
  return {
    pending: () => pending.size,
    uninstall() {
      globalThis.setTimeout = originalSetTimeout;
      globalThis.clearTimeout = originalClearTimeout;
      globalThis.setInterval = originalSetInterval;
      globalThis.clearInterval = originalClearInterval;
    },
  };
}
