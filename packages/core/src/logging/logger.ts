/** How much the pipeline logs. */
export type LogLevel = "silent" | "error" | "warn" | "info" | "debug";

/** Where log lines go. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

const order: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

/** A logger that writes lines at or above `level` to `write` (stderr by default), prefixed with `[voxpipe]`. */
export function createLogger(level: LogLevel = "warn", write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const at = (wanted: LogLevel) => (message: string): void => {
    if (order[level] >= order[wanted]) write(`[voxpipe] ${wanted}: ${message}`);
  };
  return { error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}

/** A logger that drops everything. */
export const silentLogger: Logger = createLogger("silent");
