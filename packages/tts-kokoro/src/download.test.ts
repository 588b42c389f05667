import { createServer, type Server } from "node:http";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdapterContext } from "@voxpipe/core";
import { createKokoroTts } from "./create-kokoro.js";
import { generateTestModel } from "./__fixtures__/test-model.js";

const generated = generateTestModel();
const REPO = "/onnx-community/Kokoro-82M-v1.0-ONNX/resolve/main";

describe("downloads from a local Hugging Face stand-in (127.0.0.1, via $HF_ENDPOINT)", () => {
  let server: Server;
  let endpoint = "";
  const requests: string[] = [];

  beforeAll(async () => {
    const files = new Map<string, Buffer>([
      [`${REPO}/onnx/model_quantized.onnx`, await readFile(generated.model)],
      [`${REPO}/voices/af_test.bin`, await readFile(generated.voice)],
    ]);
    server = createServer((request, response) => {
      requests.push(request.url ?? "");
      const body = files.get(request.url ?? "");
      if (!body) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-length": body.length }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    generated.remove();
  });

  const context = (lines: string[] = []): AdapterContext => ({ configDir: generated.dir, env: { HF_ENDPOINT: endpoint }, log: (level, message) => lines.push(`${level}: ${message}`) });

  it("fetches a keyword model and its voice on first use, logs progress, then works from the cache", async () => {
    const lines: string[] = [];
    const kokoro = await createKokoroTts({ model: "q8", voice: "af_test", cacheDir: "cache" }, context(lines));
    expect(requests).toEqual([]); // nothing downloads before load() or the first request
    await kokoro.load();
    expect([...requests].sort()).toEqual([`${REPO}/onnx/model_quantized.onnx`, `${REPO}/voices/af_test.bin`]);
    const cached = join(generated.dir, "cache", "hf", "onnx-community", "Kokoro-82M-v1.0-ONNX", "main");
    expect(existsSync(join(cached, "onnx", "model_quantized.onnx"))).toBe(true);
    expect(existsSync(join(cached, "voices", "af_test.bin"))).toBe(true);
    expect(lines.some((line) => /^info: kokoro: downloading http:\/\/127\.0\.0\.1:\d+\/onnx-community\/.*model_quantized\.onnx/.test(line))).toBe(true);
    let samples = 0;
    for await (const chunk of kokoro.synthesize({ text: "Hello." })) samples += chunk.pcm.length;
    expect(samples).toBeGreaterThan(0);
    await kokoro.dispose();

    requests.length = 0;
    const again = await createKokoroTts({ model: "q8", voice: "af_test", cacheDir: "cache" }, context());
    for await (const _chunk of again.synthesize({ text: "Hello." })) void _chunk;
    await again.dispose();
    expect(requests).toEqual([]);
  });

  it("a voice the repo does not have: a 404 that names the URL", async () => {
    const kokoro = await createKokoroTts({ model: "q8", voice: "af_nobody", cacheDir: "cache-404" }, context());
    try {
      await expect(kokoro.load?.()).rejects.toMatchObject({ code: "download-failed", retryable: false, message: expect.stringMatching(/voices\/af_nobody\.bin: the server answered HTTP 404/) });
    } finally {
      await kokoro.dispose();
    }
  });

  it("offline (nothing listening): a retryable error that names the URL, the cache file and what to do", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    // The voice is local (voicesDir), so the model's is the one download that fails: load() fetches both at once, and
    // with two downloads failing the error would name whichever connection was refused first.
    const kokoro = await createKokoroTts({ model: "q8", voice: "af_test", voicesDir: "voices", cacheDir: "offline" }, { configDir: generated.dir, env: { HF_ENDPOINT: `http://127.0.0.1:${port}` }, log: () => {} });
    try {
      const error = await kokoro.load?.().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "download-failed", retryable: true });
      expect((error as Error).message).toMatch(/could not download http:\/\/127\.0\.0\.1:\d+\/onnx-community\/Kokoro-82M-v1\.0-ONNX\/resolve\/main\/onnx\/model_quantized\.onnx: .*Check the internet connection/);
      expect((error as Error).message).toContain(join(generated.dir, "offline", "hf", "onnx-community", "Kokoro-82M-v1.0-ONNX", "main", "onnx", "model_quantized.onnx.partial"));
    } finally {
      await kokoro.dispose();
    }
  });
});
