import { createProgressDisplay } from "./progress-display.js";
import type { ProgressUpdate } from "./progress-update.js";

export type { ProgressUpdate } from "./progress-update.js";
export { createProgressDisplay, describeProgress, type ProgressDisplay, type ProgressDisplayOptions } from "./progress-display.js";

/** How much the pipeline logs. */
export type LogLevel = "silent" | "error" | "warn" | "info" | "debug";

/** Where log lines go. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
  /** Shows a long task's progress (downloads, model loads); loggers without it drop progress. */
  progress?(update: ProgressUpdate): void;
}

const order: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

/**
 * A logger that writes lines at or above `level` to `write` (stderr by default),
 * prefixed with `[voxpipe]`. At `warn` and above it also shows progress: a bar
 * on a terminal, else a line every few seconds (always lines when `write` is given).
 */
export function createLogger(level: LogLevel = "warn", write?: (line: string) => void): Logger {
  const output = write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const display =
    order[level] >= order.warn ? createProgressDisplay(write ? { write: (text) => write(text.replace(/\n$/, "")), isTTY: false } : {}) : undefined;
  const at = (wanted: LogLevel) => (message: string): void => {
    if (order[level] < order[wanted]) return;
    display?.interrupt();
    output(`[voxpipe] ${wanted}: ${message}`);
  };
  return {
    error: at("error"),
    warn: at("warn"),
    info: at("info"),
    debug: at("debug"),
    progress: (update) => display?.update(update),
  };
}

/** A logger that drops everything. */
export const silentLogger: Logger = createLogger("silent");
