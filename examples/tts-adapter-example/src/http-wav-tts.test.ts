import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConfigError, VoxpipeError, loadConfig, resolveAdapters, type AudioChunk } from "@voxpipe/core";
import { afterAll, describe, expect, it } from "vitest";
import { createHttpWavTts } from "./create-http-wav-tts.js";
import { startToneWavServer } from "./__fixtures__/tone-wav-server.js";
import { collect, streamFailure } from "@voxpipe/core/testing";

const server = await startToneWavServer();
afterAll(() => server.close());
const packageDir = path.resolve(import.meta.dirname, "..");

describe("http-wav: what it sends and what it makes of the answer", () => {
  it("sends the text and the voice as query parameters and asks for a WAV", async () => {
    const tts = createHttpWavTts({ url: server.url, voice: "espeak:en" });
    const [chunk] = await collect(tts.synthesize({ text: "Hello there." }));
    expect(server.requests.at(-1)).toEqual({ path: "/api/tts", query: { text: "Hello there.", voice: "espeak:en" }, accept: "audio/wav" });
    // 12 characters at 60 ms each, 22050 Hz; the LIST chunk before `data` is skipped, not played.
    expect(chunk?.pcm.length).toBe(Math.round(0.72 * 22050));
    expect(chunk?.pcm[0]).toBe(0);
  });

  it("credentials in the url go in an Authorization header, not the request line", async () => {
    await collect(createHttpWavTts({ url: server.url.replace("http://", "http://reader:p%40ss@") }).synthesize({ text: "Hi." }));
    expect(server.requests.at(-1)?.authorization).toBe(`Basic ${Buffer.from("reader:p@ss").toString("base64")}`);
  });

  it("a request's voice wins over the configured one; no voice sends none", async () => {
    await collect(createHttpWavTts({ url: server.url, voice: "a" }).synthesize({ text: "Hi.", voice: "b" }));
    expect(server.requests.at(-1)?.query).toEqual({ text: "Hi.", voice: "b" });
    await collect(createHttpWavTts({ url: server.url }).synthesize({ text: "Hi." }));
    expect(server.requests.at(-1)?.query).toEqual({ text: "Hi." });
  });

  it("a WAV at another sample rate is an error that names both rates and the option to set", async () => {
    const other = await startToneWavServer({ sampleRate: 16000 });
    try {
      const error = await streamFailure(createHttpWavTts({ url: other.url }).synthesize({ text: "Hello." }));
      expect(error.code).toBe("tts-format-mismatch");
      expect(error.message).toMatch(/sends 16000 Hz audio with 1 channel\(s\), but the adapter declares 22050 Hz mono\. Set `sampleRate: 16000`/);
    } finally {
      await other.close();
    }
  });

  it("a 5xx is a retryable server error carrying the server's words", async () => {
    const broken = await startToneWavServer({ fail: { status: 503, body: "model is still loading" } });
    try {
      const error = await streamFailure(createHttpWavTts({ url: broken.url }).synthesize({ text: "Hello." }));
      expect(error).toMatchObject({ code: "tts-server-error", stage: "tts", retryable: true });
      expect(error.message).toContain("HTTP 503: model is still loading");
    } finally {
      await broken.close();
    }
  });

  it("a wrong path is a bad request that says what the url should be", async () => {
    const error = await streamFailure(createHttpWavTts({ url: server.url.replace("/api/tts", "/tts") }).synthesize({ text: "Hello." }));
    expect(error).toMatchObject({ code: "tts-bad-request", retryable: false });
    expect(error.message).toMatch(/HTTP 404: Not Found\. Check `url`/);
  });

  it("an answer that is not a WAV is named as such", async () => {
    const html = await startToneWavServer({ fail: { status: 200, body: "<html>hello</html>" } });
    try {
      const error = await streamFailure(createHttpWavTts({ url: html.url }).synthesize({ text: "Hello." }));
      expect(error.code).toBe("tts-bad-response");
      expect(error.message).toMatch(/not a 16-bit PCM WAV: it starts with "<htm"/);
    } finally {
      await html.close();
    }
  });

  it("no server is a retryable unreachable error that never shows credentials or the query", async () => {
    const closed = await startToneWavServer();
    await closed.close();
    const url = closed.url.replace("http://", "http://user:s3cret@") + "?token=s3cret";
    const error = await streamFailure(createHttpWavTts({ url }).synthesize({ text: "Hello." }));
    expect(error).toMatchObject({ code: "tts-unreachable", retryable: true });
    expect(error.message).toMatch(/cannot reach the TTS server at http:\/\/127\.0\.0\.1:\d+\/api\/tts \(ECONNREFUSED\)/);
    expect(error.message).not.toContain("s3cret");
  });

  it("a server slower than timeoutMs is a retryable timeout naming the option", async () => {
    const error = await streamFailure(createHttpWavTts({ url: server.url, timeoutMs: 5 }).synthesize({ text: "A sentence long enough to take the server a while. ".repeat(4) }));
    expect(error).toMatchObject({ code: "tts-timeout", retryable: true });
    expect(error.message).toContain("within 5 ms (option `timeoutMs`)");
  });
});

describe("http-wav through voxpipe's registry, as a config names it", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-http-wav-"));

  it("a config can name the package folder by path; its options are checked by the adapter's schema", async () => {
    const file = path.join(dir, "voxpipe.config.yaml");
    writeFileSync(file, `llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Hi." } }\ntts: { use: ${JSON.stringify(packageDir)}, options: { voice: "espeak:en" } }\n`);
    const loaded = await loadConfig(file, { env: {} });
    const { tts } = await resolveAdapters(loaded.config, { searchFrom: [loaded.configDir, packageDir] });
    expect(tts[0]?.definition.id).toBe("http-wav");
    expect(tts[0]?.options).toEqual({ url: "http://127.0.0.1:5500/api/tts", voice: "espeak:en", sampleRate: 22050, timeoutMs: 30000 });
  });

  it("a wrong option is a config error with the key path and what was found", async () => {
    const file = path.join(dir, "bad.yaml");
    writeFileSync(file, `llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Hi." } }\ntts: { use: ${JSON.stringify(packageDir)}, options: { sampleRate: "fast", pitch: 2 } }\n`);
    const loaded = await loadConfig(file, { env: {} });
    const error = await resolveAdapters(loaded.config, { searchFrom: [loaded.configDir] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.join("\n")).toMatch(/tts\.options\.sampleRate: expected a number, received "fast"[\s\S]*tts\.options\.pitch: unknown key/);
  });

  it("the factory called from code rejects a misspelt option the same way", () => {
    expect(() => createHttpWavTts({ url: "http://127.0.0.1:1/api/tts", sampleRat: 16000 } as never)).toThrow(
      "voxpipe-tts-http-wav: invalid options:\n  - sampleRat: unknown key (check the spelling; see the README for the keys allowed here)",
    );
  });
});
