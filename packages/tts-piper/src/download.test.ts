import { createServer, type IncomingMessage, type Server } from "node:http";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelFiles } from "@voxpipe/core/testing";
import { createPiperTts } from "./create-piper.js";
import { defaultCacheDir, parseHfUri, remoteSource } from "./model-source.js";

// The local server serves the silent test voice for the one test that synthesizes; the others need no model.
const models = modelFiles(["tts/piper-test-voice-silent.onnx", "tts/piper-test-voice-silent.onnx.json"]);

describe("piper's hf: URIs and cache folder", () => {
  it("parses hf: URIs with piper's example in the error, and caches under piper/", () => {
    expect(parseHfUri("hf:rhasspy/piper-voices/en/v.onnx")).toEqual({ owner: "rhasspy", repo: "piper-voices", revision: "main", path: "en/v.onnx" });
    expect(() => parseHfUri("hf:just-a-name")).toThrow(/^piper: "hf:just-a-name" is not a valid hf: URI\. .*e\.g\. hf:rhasspy\/piper-voices\//);
    expect(remoteSource("hf:rhasspy/piper-voices/en/v.onnx", {}, "/cache")).toEqual({ kind: "remote", url: "https://huggingface.co/rhasspy/piper-voices/resolve/main/en/v.onnx", path: join("/cache", "hf", "rhasspy", "piper-voices", "main", "en", "v.onnx") });
    expect(defaultCacheDir({ VOXPIPE_CACHE_DIR: "/c" }, "/cfg")).toBe(join("/c", "piper"));
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/x" }, "/cfg")).toBe(join("/x", "voxpipe", "piper"));
  });
});

describe("downloads from a local server (127.0.0.1)", () => {
  let server: Server;
  let base = "";
  let dir = "";
  const files = new Map<string, Buffer>();
  const requests: IncomingMessage[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "voxpipe-piper-download-"));
    if (models.dir !== undefined) {
      files.set("/rhasspy/piper-voices/resolve/main/en/test.onnx", await readFile(models.path("tts/piper-test-voice-silent.onnx")));
      files.set("/rhasspy/piper-voices/resolve/main/en/test.onnx.json", await readFile(models.path("tts/piper-test-voice-silent.onnx.json")));
    }
    server = createServer((request, response) => {
      requests.push(request);
      const body = files.get(request.url ?? "");
      if (!body) {
        response.writeHead(404).end("Entry not found");
        return;
      }
      response.writeHead(200, { "content-length": body.length }).end(body);
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
