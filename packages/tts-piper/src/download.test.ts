import { createServer, type IncomingMessage, type Server } from "node:http";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelFiles } from "@voxpipe/core/testing";
import { createPiperTts } from "./create-piper.js";
import { downloadFile } from "./download-file.js";
import { defaultCacheDir, hfFileUrl, parseHfUri, remoteSource } from "./model-source.js";

// The local server serves the silent test voice for the one test that synthesizes; the others need no model.
const models = modelFiles(["tts/piper-test-voice-silent.onnx", "tts/piper-test-voice-silent.onnx.json"]);

describe("hf: URIs and URLs", () => {
  it("parses hf:owner/repo[@revision]/path and maps it to a resolve URL", () => {
    const uri = parseHfUri("hf:rhasspy/piper-voices/en/en_US/lessac/medium/en_US-lessac-medium.onnx");
    expect(uri).toEqual({ owner: "rhasspy", repo: "piper-voices", revision: "main", path: "en/en_US/lessac/medium/en_US-lessac-medium.onnx" });
    expect(hfFileUrl(uri!)).toBe("https://huggingface.co/rhasspy/piper-voices/resolve/main/en/en_US/lessac/medium/en_US-lessac-medium.onnx");
    expect(parseHfUri("hf:a/b@v1.0.0/x.onnx")).toMatchObject({ revision: "v1.0.0", path: "x.onnx" });
    expect(hfFileUrl(parseHfUri("hf:a/b/x y.onnx")!, "http://127.0.0.1:9/")).toBe("http://127.0.0.1:9/a/b/resolve/main/x%20y.onnx");
    expect(parseHfUri("./voice.onnx")).toBeUndefined();
    expect(() => parseHfUri("hf:just-a-name")).toThrow(/not a valid hf: URI/);
  });

  it("places downloads in the cache folder, mirrored by repo or host", () => {
    const cache = "/cache";
    expect(remoteSource("hf:rhasspy/piper-voices/en/v.onnx", {}, cache)).toEqual({ kind: "remote", url: "https://huggingface.co/rhasspy/piper-voices/resolve/main/en/v.onnx", path: join(cache, "hf", "rhasspy", "piper-voices", "main", "en", "v.onnx") });
    expect(remoteSource("http://127.0.0.1:8080/a/../v.onnx", {}, cache)?.path).toBe(join(cache, "url", "127.0.0.1_8080", "v.onnx"));
    expect(remoteSource("voices/v.onnx", {}, cache)).toBeUndefined();
    expect(defaultCacheDir({ VOXPIPE_CACHE_DIR: "/c" }, "/cfg")).toBe(join("/c", "piper"));
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/x" }, "/cfg")).toBe(join("/x", "voxpipe", "piper"));
    expect(defaultCacheDir({ HOME: "/home/u" }, "/cfg")).toBe(join("/home/u", ".cache", "voxpipe", "piper"));
    expect(defaultCacheDir({}, "/cfg", "cache")).toBe(join("/cfg", "cache"));
  });
});

describe("downloads from a local server (127.0.0.1)", () => {
  let server: Server;
  let base = "";
  let dir = "";
  const files = new Map<string, Buffer>();
  const requests: IncomingMessage[] = [];
  let dropAfter: number | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "voxpipe-piper-download-"));
    if (models.dir !== undefined) {
      files.set("/rhasspy/piper-voices/resolve/main/en/test.onnx", await readFile(models.path("tts/piper-test-voice-silent.onnx")));
      files.set("/rhasspy/piper-voices/resolve/main/en/test.onnx.json", await readFile(models.path("tts/piper-test-voice-silent.onnx.json")));
    }
    files.set("/big.bin", Buffer.alloc(200_000, 7));
    server = createServer((request, response) => {
      requests.push(request);
      const body = files.get(request.url ?? "");
      if (!body) {
        response.writeHead(404).end("Entry not found");
        return;
      }
      const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? "");
      const start = range ? Number(range[1]) : 0;
      const part = body.subarray(start);
      response.writeHead(range ? 206 : 200, { "content-length": part.length, ...(range ? { "content-range": `bytes ${start}-${body.length - 1}/${body.length}` } : {}) });
      if (dropAfter !== undefined) {
        response.write(part.subarray(0, dropAfter));
        setTimeout(() => response.destroy(), 20);
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

  it.skipIf(models.skipReason)(models.title("fetches an hf: voice (model and config) on first use, reports progress, then uses the cache"), async () => {
    const lines: string[] = [];
    const env = { HF_ENDPOINT: base };
    const context = { configDir: dir, env, log: (level: string, message: string) => lines.push(`${level}: ${message}`) };
    requests.length = 0;
    const piper = await createPiperTts({ model: "hf:rhasspy/piper-voices/en/test.onnx", cacheDir: "cache" }, context);
    expect(requests.map((r) => r.url)).toEqual(["/rhasspy/piper-voices/resolve/main/en/test.onnx.json"]); // the config now: it holds the sample rate
    expect(piper.format.sampleRate).toBe(22050);
    const chunks = [];
    for await (const chunk of piper.synthesize({ text: "Hello." })) chunks.push(chunk);
    expect(chunks.map((c) => c.pcm.length)).toEqual([22050]);
    expect(requests.map((r) => r.url)).toEqual(["/rhasspy/piper-voices/resolve/main/en/test.onnx.json", "/rhasspy/piper-voices/resolve/main/en/test.onnx"]);
    const cached = join(dir, "cache", "hf", "rhasspy", "piper-voices", "main", "en", "test.onnx");
    expect(existsSync(cached) && existsSync(`${cached}.json`) && !existsSync(`${cached}.partial`)).toBe(true);
    expect(lines.some((line) => /^info: piper: downloading http:\/\/127\.0\.0\.1:\d+\/rhasspy\/.*test\.onnx/.test(line))).toBe(true);
    await piper.dispose();

    requests.length = 0;
    const again = await createPiperTts({ model: "hf:rhasspy/piper-voices/en/test.onnx", cacheDir: "cache" }, context);
    for await (const _chunk of again.synthesize({ text: "Hello." }));
    expect(requests).toHaveLength(0);
    await again.dispose();
  });

  it("resumes a .partial file with an HTTP Range request", async () => {
    const destination = join(dir, "resume", "big.bin");
    const original = files.get("/big.bin")!;
    await mkdir(join(dir, "resume"), { recursive: true });
    await writeFile(`${destination}.partial`, original.subarray(0, 50_000));
    requests.length = 0;
    const lines: string[] = [];
    await downloadFile({ url: `${base}/big.bin`, destination, log: (_level, message) => lines.push(message) });
    expect(requests[0]?.headers.range).toBe("bytes=50000-");
    expect((await readFile(destination)).equals(original)).toBe(true);
    expect(lines[0]).toMatch(/resuming at /);
  });

  it("keeps the partial file when the connection drops, and says the download resumes", async () => {
    const destination = join(dir, "drop", "big.bin");
    dropAfter = 30_000;
    try {
      const error = await downloadFile({ url: `${base}/big.bin`, destination, log: () => {} }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "download-failed", stage: "tts", retryable: true });
      expect((error as Error).message).toMatch(/resumes from there/);
      expect((await stat(`${destination}.partial`)).size).toBe(30_000);
      expect(existsSync(destination)).toBe(false);
    } finally {
      dropAfter = undefined;
    }
    await downloadFile({ url: `${base}/big.bin`, destination, log: () => {} });
    expect((await readFile(destination)).equals(files.get("/big.bin")!)).toBe(true);
  });

  it("a 404 is not retryable and names the URL", async () => {
    const error = await createPiperTts({ model: `${base}/missing/voice.onnx`, cacheDir: join(dir, "c404") }, { configDir: dir, env: {}, log: () => {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "download-failed", retryable: false });
    expect((error as Error).message).toContain(`${base}/missing/voice.onnx.json: the server answered HTTP 404 (not found)`);
  });

  it("offline (nothing listening): a retryable error that says what to do", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await createPiperTts({ model: "hf:rhasspy/piper-voices/en/test.onnx", cacheDir: join(dir, "offline") }, { configDir: dir, env: { HF_ENDPOINT: `http://127.0.0.1:${port}` }, log: () => {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "download-failed", stage: "tts", retryable: true });
    expect((error as Error).message).toMatch(/could not download http:\/\/127\.0\.0\.1:\d+\/rhasspy\/piper-voices\/resolve\/main\/en\/test\.onnx\.json: .*Check the internet connection/);
    expect((error as Error).message).toMatch(/set the option to its local path/);
  });
});
