import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { VoxpipeError, type Stage } from "../errors/voxpipe-error.js";
import type { AdapterContext } from "../registry/define-adapter.js";
import { startProgress } from "./progress-task.js";

/** What `downloadFile` needs. */
export interface DownloadRequest {
  /** Who downloads: the prefix of every log line and error, e.g. "piper". */
  label: string;
  /** The stage a failure is reported under; default "tts". */
  stage?: Stage;
  url: string;
  /** Final path; the file grows at `destination + ".partial"` and is renamed when complete. */
  destination: string;
  log: AdapterContext["log"];
  /** Where progress is shown (a bar on a terminal, a line every few seconds otherwise); without it, progress lines go to `log`. */
  progress?: AdapterContext["progress"];
  /** Stops the download; the partial file is kept and resumed next time. */
  signal?: AbortSignal;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

const MB = 1024 * 1024;
const formatMb = (bytes: number): string => (bytes / MB).toFixed(1);

const failure = (request: DownloadRequest, problem: string, retryable: boolean, cause?: unknown): VoxpipeError =>
  new VoxpipeError({
    code: "download-failed",
    stage: request.stage ?? "tts",
    retryable,
    message:
      `${request.label}: could not download ${request.url}: ${problem}. ` +
      (retryable
        ? `Check the internet connection and try again (what was received is kept in ${request.destination}.partial and the download resumes from there), `
        : "Check the address, ") +
      `or download the file yourself and set the option to its local path.`,
    cause,
  });

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

/**
 * Downloads `url` to `destination` unless it is already there. Resumable: bytes
 * land in `destination.partial`, a later call asks the server for the rest
 * (HTTP Range) and the file is renamed into place only when complete. Progress
 * (size, share, rate) goes to `progress`, else to `log` at "info" every 5 s.
 */
export async function downloadFile(request: DownloadRequest): Promise<void> {
  if ((await sizeOf(request.destination)) !== undefined) return;
  await mkdir(dirname(request.destination), { recursive: true });
  const partial = `${request.destination}.partial`;
  const doFetch = request.fetch ?? fetch;
  let offset = (await sizeOf(partial)) ?? 0;
  let response: Response;
  try {
    response = await doFetch(request.url, {
      headers: offset > 0 ? { Range: `bytes=${offset}-` } : {},
      redirect: "follow",
      signal: request.signal ?? null,
    });
    if (response.status === 416 && offset > 0) {
      // The partial file does not fit the server's copy: start over.
      await response.body?.cancel();
      await rm(partial, { force: true });
      offset = 0;
      response = await doFetch(request.url, { redirect: "follow", signal: request.signal ?? null });
    }
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw failure(request, error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ""}` : String(error), true, error);
  }
  if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel();
    const retryable = response.status === 408 || response.status === 429 || response.status >= 500;
    const hint = response.status === 404 ? " (not found)" : response.status === 401 || response.status === 403 ? " (access denied)" : "";
    throw failure(request, `the server answered HTTP ${response.status}${hint}`, retryable);
  }
  const resumed = response.status === 206;
  if (!resumed) offset = 0;
  const length = Number(response.headers.get("content-length") ?? Number.NaN);
  const total = Number.isFinite(length) ? offset + length : undefined;
  request.log(
    "info",
    `${request.label}: downloading ${request.url}${total === undefined ? "" : ` (${formatMb(total)} MB)`}${resumed ? `, resuming at ${formatMb(offset)} MB` : ""} into ${request.destination}`,
  );
  const file = await open(partial, resumed ? "a" : "w");
  let received = offset;
  const progress = startProgress(request, `${request.label}: downloading ${request.url}`, { doneBytes: received, ...(total === undefined ? {} : { totalBytes: total }) });
  try {
    if (response.body) {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        await file.write(chunk);
        received += chunk.byteLength;
        progress.bytes(received);
      }
    }
  } catch (error) {
    progress.failed();
    if (request.signal?.aborted) throw error;
    throw failure(request, `the connection broke after ${formatMb(received)} MB (${error instanceof Error ? error.message : String(error)})`, true, error);
  } finally {
    await file.close();
  }
  if (total !== undefined && received !== total) {
    progress.failed();
    throw failure(request, `the body ended after ${received} of ${total} bytes`, true);
  }
  await rename(partial, request.destination);
  progress.done();
  request.log("info", `${request.label}: downloaded ${request.url} (${formatMb(received)} MB)`);
}
