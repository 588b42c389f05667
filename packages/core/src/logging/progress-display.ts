import type { ProgressUpdate } from "./progress-update.js";

/** Where a progress display writes, and how. */
export interface ProgressDisplayOptions {
  /** Receives text: whole lines ending in "\n", or on a terminal also "\r" redraws. Default: stderr. */
  write?: (text: string) => void;
  /** Draw a bar redrawn in place (a terminal), or print a line every `intervalMs`. Default: whether stderr is a TTY. */
  isTTY?: boolean;
  /** Terminal width for the bar line. Default: stderr's columns, else 80. */
  columns?: number;
  /** How often a line is printed for a running task when not on a terminal. Default 5 s. */
  intervalMs?: number;
  /** Text before each line. Default `[voxpipe] `. */
  prefix?: string;
  /** The clock, in ms. Default `Date.now`. */
  now?: () => number;
}

/** Shows {@link ProgressUpdate}s; `interrupt()` clears a bar being drawn so a log line can be printed cleanly. */
export interface ProgressDisplay {
  update(update: ProgressUpdate): void;
  /** Call before writing anything else to the same stream: ends the bar line (it is redrawn on the next update). */
  interrupt(): void;
}

interface Task {
  startedAt: number;
  startBytes: number;
  lastLineAt: number;
}

const MB = 1024 * 1024;
const megabytes = (bytes: number): string => (bytes / MB).toFixed(1);
/** `2.6 MB`, or `12 kB` under a tenth of a megabyte. */
const size = (bytes: number): string => (bytes > 0 && bytes < MB / 10 ? `${Math.ceil(bytes / 1024)} kB` : `${megabytes(bytes)} MB`);
const duration = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
const REDRAW_MS = 100;

/** Bytes per second since the task started (a resumed download counts only what it fetched). */
function rate(task: Task, update: ProgressUpdate, now: number): number | undefined {
  const seconds = (now - task.startedAt) / 1000;
  const fetched = (update.doneBytes ?? 0) - task.startBytes;
  return seconds > 0.2 && fetched > 0 ? fetched / seconds : undefined;
}

/** `40% (256.0 of 639.0 MB, 12.3 MB/s)`, `256.0 MB, 12.3 MB/s` without a total, or `` for a task without bytes. */
export function describeProgress(update: ProgressUpdate, bytesPerSecond: number | undefined): string {
  if (update.doneBytes === undefined) return "";
  const speed = bytesPerSecond === undefined ? "" : `, ${size(bytesPerSecond)}/s`;
  if (update.totalBytes && update.totalBytes > 0) {
    const percent = Math.min(100, Math.floor((update.doneBytes / update.totalBytes) * 100));
    return update.totalBytes >= MB / 10
      ? `${percent}% (${megabytes(update.doneBytes)} of ${megabytes(update.totalBytes)} MB${speed})`
      : `${percent}% (${Math.ceil(update.doneBytes / 1024)} of ${Math.ceil(update.totalBytes / 1024)} kB${speed})`;
  }
  return `${size(update.doneBytes)}${speed}`;
}

/** Shortens `text` to `room` characters by cutting its middle (a long URL keeps its host and file name). */
function fit(text: string, room: number): string {
  if (text.length <= room) return text;
  if (room < 8) return text.slice(0, Math.max(1, room));
  const head = Math.ceil((room - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (room - 1 - head))}`;
}

function bar(update: ProgressUpdate, width: number): string {
  if (!update.totalBytes || update.doneBytes === undefined) return "";
  const filled = Math.min(width, Math.round((update.doneBytes / update.totalBytes) * width));
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] `;
}

/**
 * Shows progress of long tasks: on a terminal one line per task, redrawn in
 * place with a bar, size and rate; elsewhere (a log file, CI) a line when a
 * task starts, one every `intervalMs` while it runs, and one when it is done.
 */
export function createProgressDisplay(options: ProgressDisplayOptions = {}): ProgressDisplay {
  const write = options.write ?? ((text: string) => void process.stderr.write(text));
  const isTTY = options.isTTY ?? (options.write === undefined && process.stderr.isTTY === true);
  const columns = options.columns ?? (process.stderr.columns || 80);
  const intervalMs = options.intervalMs ?? 5000;
  const prefix = options.prefix ?? "[voxpipe] ";
  const now = options.now ?? Date.now;
  const tasks = new Map<string, Task>();
  let drawn: string | undefined; // the task whose bar is on the current line
  let lastDrawAt = 0;

  const endBarLine = () => {
    if (drawn !== undefined) write("\n");
    drawn = undefined;
  };
  /** Draws `label` + `tail` on the current line, shortening the label (never the figures) to the terminal's width. */
  const draw = (id: string, label: string, tail: string) => {
    if (drawn !== undefined && drawn !== id) write("\n");
    const room = Math.max(10, columns - 1 - prefix.length - tail.length);
    write(`\r${prefix}${fit(label, room)}${tail}\x1b[K`);
    drawn = id;
  };

  return {
    interrupt() {
      if (drawn !== undefined) write("\r\x1b[K");
      drawn = undefined;
    },
    update(update) {
      const time = now();
      let task = tasks.get(update.id);
      const starting = task === undefined;
      if (!task) {
        task = { startedAt: time, startBytes: update.doneBytes ?? 0, lastLineAt: time };
        tasks.set(update.id, task);
      }
      const bytesPerSecond = rate(task, update, time);
      const detail = describeProgress(update, bytesPerSecond);
      if (update.state !== "running") {
        tasks.delete(update.id);
        const elapsed = duration(time - task.startedAt);
        if (update.state === "failed") {
          if (isTTY && drawn === update.id) draw(update.id, update.label, `: stopped${detail ? ` at ${detail}` : ""}`);
          if (isTTY) endBarLine();
          return;
        }
        const moved = update.doneBytes === undefined ? "" : `, ${size(update.doneBytes - task.startBytes)}${bytesPerSecond === undefined ? "" : ` at ${size(bytesPerSecond)}/s`}`;
        const tail = `: done in ${elapsed}${moved}`;
        if (isTTY) {
          draw(update.id, update.label, tail);
          endBarLine();
        } else if (update.doneBytes !== undefined || time - task.startedAt >= intervalMs) {
          write(`${prefix}${update.label}${tail}\n`);
        }
        return;
      }
      if (isTTY) {
        if (!starting && drawn === update.id && time - lastDrawAt < REDRAW_MS) return;
        lastDrawAt = time;
        const width = Math.max(10, Math.min(30, Math.floor((columns - 60) / 2)));
        draw(update.id, update.label, detail ? `: ${bar(update, width)}${detail}` : "…");
        return;
      }
      if (starting || time - task.lastLineAt >= intervalMs) {
        task.lastLineAt = time;
        write(`${prefix}${update.label}${detail ? `: ${detail}` : starting ? "…" : ""}\n`);
      }
    },
  };
}
