import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProgressUpdate } from "../logging/progress-update.js";
import { downloadFile } from "./download-file.js";

describe("downloadFile from a local server (127.0.0.1)", () => {
  let server: Server;
  let base = "";
  let dir = "";
  const original = Buffer.alloc(200_000, 7);
  const requests: IncomingMessage[] = [];
  let dropAfter: number | undefined;
  let held: ServerResponse | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "voxpipe-download-"));
    server = createServer((request, response) => {
      requests.push(request);
      if (request.url !== "/big.bin") {
        response.writeHead(404).end("Entry not found");
        return;
      }
      const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? "");
      const start = range ? Number(range[1]) : 0;
      const part = original.subarray(start);
      response.writeHead(range ? 206 : 200, { "content-length": part.length, ...(range ? { "content-range": `bytes ${start}-${original.length - 1}/${original.length}` } : {}) });
      if (dropAfter !== undefined) {
        // Sends part of the body and holds the connection open; the test breaks it once the client has that part.
        response.write(part.subarray(0, dropAfter));
        held = response;
        return;
      }
      response.end(part);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it("downloads into place, logging under its label, and does nothing when the file is there", async () => {
    const destination = join(dir, "fresh", "big.bin");
    const lines: string[] = [];
    await downloadFile({ label: "piper", url: `${base}/big.bin`, destination, log: (level, message) => lines.push(`${level}: ${message}`) });
    expect((await readFile(destination)).equals(original)).toBe(true);
    expect(existsSync(`${destination}.partial`)).toBe(false);
    expect(lines[0]).toBe(`info: piper: downloading ${base}/big.bin (0.2 MB) into ${destination}`);
    expect(lines.at(-1)).toBe(`info: piper: downloaded ${base}/big.bin (0.2 MB)`);
    requests.length = 0;
    await downloadFile({ label: "piper", url: `${base}/big.bin`, destination, log: () => {} });
    expect(requests).toHaveLength(0);
  });

  it("resumes a .partial file with an HTTP Range request", async () => {
    const destination = join(dir, "resume", "big.bin");
    await mkdir(join(dir, "resume"), { recursive: true });
    await writeFile(`${destination}.partial`, original.subarray(0, 50_000));
    requests.length = 0;
    const lines: string[] = [];
    await downloadFile({ label: "kokoro", url: `${base}/big.bin`, destination, log: (_level, message) => lines.push(message) });
    expect(requests[0]?.headers.range).toBe("bytes=50000-");
    expect((await readFile(destination)).equals(original)).toBe(true);
    expect(lines[0]).toMatch(/^kokoro: downloading .*resuming at /);
  });

  it("keeps the partial file when the connection drops, and says the download resumes", async () => {
    const destination = join(dir, "drop", "big.bin");
    dropAfter = 30_000;
    try {
      // The break comes when the progress says the 30,000 bytes sent are on disk.
      const progress = (update: ProgressUpdate) => void (update.doneBytes === 30_000 && held?.destroy());
      const error = await downloadFile({ label: "piper", url: `${base}/big.bin`, destination, log: () => {}, progress }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "download-failed", stage: "tts", retryable: true });
      expect((error as Error).message).toMatch(/^piper: could not download .*resumes from there/);
      expect((await stat(`${destination}.partial`)).size).toBe(30_000);
      expect(existsSync(destination)).toBe(false);
    } finally {
      dropAfter = undefined;
    }
    await downloadFile({ label: "piper", url: `${base}/big.bin`, destination, log: () => {} });
    expect((await readFile(destination)).equals(original)).toBe(true);
  });

  it("a 404 is not retryable, names the URL, and is reported under the stage given", async () => {
    const error = await downloadFile({ label: "llm-x", stage: "llm", url: `${base}/missing.bin`, destination: join(dir, "missing.bin"), log: () => {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "download-failed", stage: "llm", retryable: false });
    expect((error as Error).message).toContain(`llm-x: could not download ${base}/missing.bin: the server answered HTTP 404 (not found)`);
  });

  it("an abort stops the download with the abort's own error, keeping what arrived", async () => {
    const controller = new AbortController();
    controller.abort();
    const destination = join(dir, "aborted", "big.bin");
    const error = await downloadFile({ label: "piper", url: `${base}/big.bin`, destination, log: () => {}, signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(existsSync(destination)).toBe(false);
  });
});
