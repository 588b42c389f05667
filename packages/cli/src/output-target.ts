import { constants, createWriteStream, fstatSync, type Stats } from "node:fs";
import { access, stat } from "node:fs/promises";
import path from "node:path";
import { isatty } from "node:tty";
import type { WavFormat } from "@voxpipe/core";
import { WavStreamWriter } from "./wav-stream-writer.js";
import { WavWriter } from "./wav-writer.js";

/** An `--out` that cannot take the WAV: one line for the user, exit code 1. */
export class OutputError extends Error {
  override name = "OutputError";
}

/** Where `say` writes its WAV, checked before anything loads. */
export type OutputPlan = { kind: "file"; file: string; display: string } | { kind: "stdout"; display: string };

/** What both WAV writers offer `say`. */
export type WavSink = Pick<WavWriter, "write" | "seconds" | "flushSync" | "close">;

const streamHint = "use --out - to stream the WAV to stdout (e.g. voxpipe say … --out - | aplay)";

/**
 * Checks `--out` without touching it: "-" is stdout (not a terminal); a path
 * must be a writable file, or a new name in an existing writable folder. A
 * pipe given by path streams when it is this process's stdout and is refused
 * otherwise (a file's sizes are filled in as audio is written, which a pipe
 * cannot take).
 */
export async function checkOutput(out: string, cwd = process.cwd()): Promise<OutputPlan> {
  if (out === "-") {
    if (isatty(1)) throw new OutputError(`--out -: stdout is a terminal, which cannot play a WAV; pipe it to a player (voxpipe say … --out - | aplay) or give a file name`);
    return { kind: "stdout", display: out };
  }
  const file = path.resolve(cwd, out);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return undefined;
    throw new OutputError(`--out ${out}: cannot use it (${error.code ?? error.message})`);
  });
  if (info) {
    if (info.isDirectory()) throw new OutputError(`--out ${out}: is a folder; give a file name, e.g. --out ${path.join(out, "voxpipe.wav")}`);
    if (info.isFIFO() || info.isSocket()) {
      if (isStdout(info)) return { kind: "stdout", display: out };
      throw new OutputError(`--out ${out}: is a pipe, not a file; ${streamHint}`);
    }
    await access(file, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
      throw new OutputError(`--out ${out}: not writable (${error.code}); choose another file or fix its permissions`);
    });
    return { kind: "file", file, display: out };
  }
  const folder = path.dirname(file);
  const folderInfo = await stat(folder).catch(() => undefined);
  if (!folderInfo) throw new OutputError(`--out ${out}: the folder ${path.dirname(out)} does not exist; create it first (mkdir -p ${path.dirname(out)})`);
  if (!folderInfo.isDirectory()) throw new OutputError(`--out ${out}: ${path.dirname(out)} is not a folder`);
  await access(folder, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
    throw new OutputError(`--out ${out}: cannot create files in ${path.dirname(out)} (${error.code}); choose another folder`);
  });
  return { kind: "file", file, display: out };
}

/**
 * Opens the checked output and writes an empty WAV in `format` (a file's
 * header, or a stream's), so an output that cannot take data (`/dev/full`,
 * a closed pipe) fails here, before the run, as an `OutputError`.
 */
export async function openOutput(plan: OutputPlan, format: WavFormat): Promise<WavSink> {
  const sink = plan.kind === "file" ? new WavWriter(plan.file) : new WavStreamWriter(createWriteStream("", { fd: 1, autoClose: false }), "stdout");
  try {
    await sink.open(format);
  } catch (error) {
    throw new OutputError(`--out ${plan.display}: cannot write: ${error instanceof Error ? error.message : String(error)}`);
  }
  return sink;
}

function isStdout(info: Stats): boolean {
  try {
    const stdout = fstatSync(1);
    return stdout.dev === info.dev && stdout.ino === info.ino;
  } catch {
    return false;
  }
}
