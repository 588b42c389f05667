/** Download progress as node-llama-cpp reports it. */
export interface DownloadStatus {
  totalSize: number;
  downloadedSize: number;
}

const megabyte = 1024 * 1024;

/**
 * Turns byte counts into one log line per 10 % step (and at least every 15 s),
 * e.g. `llama-cpp: downloading hf:…: 40% (256 of 639 MB)`.
 */
export function createProgressReporter(label: string, report: (message: string) => void, now: () => number = Date.now): (status: DownloadStatus) => void {
  let lastStep = -1;
  let lastAt = 0;
  return (status) => {
    if (status.totalSize <= 0) return;
    const percent = Math.min(100, Math.floor((status.downloadedSize / status.totalSize) * 100));
    const step = Math.floor(percent / 10);
    const time = now();
    if (step === lastStep && time - lastAt < 15_000) return;
    lastStep = step;
    lastAt = time;
    const done = Math.round(status.downloadedSize / megabyte);
    const total = Math.round(status.totalSize / megabyte);
    report(`llama-cpp: downloading ${label}: ${percent}% (${done} of ${total} MB)`);
  };
}
