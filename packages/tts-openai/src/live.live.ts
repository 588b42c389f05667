// Live tests against the real OpenAI speech API or a compatible server: `pnpm test:live`.
// OPENAI_API_KEY (needed for api.openai.com), OPENAI_BASE_URL (e.g. http://127.0.0.1:8880/v1 for
// Kokoro-FastAPI), OPENAI_TTS_MODEL and OPENAI_TTS_VOICE (e.g. `kokoro` / `af_heart`). Skips when unreachable.
import { describe, expect, it } from "vitest";
import { VoxpipeError, rms, type AudioChunk } from "@voxpipe/core";
import { createOpenAiTts } from "./create-openai-tts.js";
import { OPENAI_DEFAULT_BASE_URL } from "./openai-tts-options.js";

const env = { OPENAI_API_KEY: process.env["OPENAI_API_KEY"], OPENAI_BASE_URL: process.env["OPENAI_BASE_URL"] };
const baseURL = env.OPENAI_BASE_URL ?? OPENAI_DEFAULT_BASE_URL;
const isOpenAi = new URL(baseURL).hostname === "api.openai.com";
const options = { model: process.env["OPENAI_TTS_MODEL"] ?? "gpt-4o-mini-tts", voice: process.env["OPENAI_TTS_VOICE"] ?? "alloy" };

async function skipReason(): Promise<string | undefined> {
  if (isOpenAi && !env.OPENAI_API_KEY) return "OPENAI_API_KEY is not set (set it, or OPENAI_BASE_URL for a local compatible server)";
  try {
    await fetch(`${baseURL}/models`, { signal: AbortSignal.timeout(5000) });
    return undefined;
  } catch (error) {
    return `${baseURL} is unreachable (${(error as Error).message})`;
  }
}

const reason = await skipReason();
if (reason) console.warn(`[tts-openai live] skipped: ${reason}`);

describe.skipIf(reason !== undefined)(`tts-openai live (${baseURL}, ${options.model}/${options.voice})`, () => {
  it("streams audible speech, reporting time to first audio", async () => {
    const provider = createOpenAiTts(options, { env });
    const started = performance.now();
    let firstAudioMs = 0;
    const chunks: AudioChunk[] = [];
    for await (const chunk of provider.synthesize({ text: "Hello there. How are you today?" })) {
      if (chunks.length === 0) firstAudioMs = performance.now() - started;
      chunks.push(chunk);
    }
    const samples = chunks.reduce((n, c) => n + c.pcm.length, 0);
    const seconds = samples / provider.format.sampleRate;
    console.info(`[tts-openai live] first audio ${firstAudioMs.toFixed(0)} ms, ${chunks.length} chunks, ${seconds.toFixed(2)} s audio in ${(performance.now() - started).toFixed(0)} ms`);
    expect(seconds).toBeGreaterThan(0.5);
    expect(seconds).toBeLessThan(15);
    expect(Math.max(...chunks.map((c) => rms(c.pcm)))).toBeGreaterThan(0.01);
  }, 60_000);

  it("ends promptly on abort", async () => {
    const provider = createOpenAiTts(options, { env });
    const controller = new AbortController();
    let abortedAt = 0;
    try {
      for await (const _chunk of provider.synthesize({ text: "This sentence is long enough to be cut off in the middle. ".repeat(6), signal: controller.signal })) {
        if (abortedAt === 0) {
          abortedAt = performance.now();
          controller.abort();
        }
      }
    } catch (error) {
      expect(VoxpipeError.isInstance(error) && error.code).toBe("aborted");
    }
    expect(performance.now() - abortedAt).toBeLessThan(1000);
  }, 60_000);

  it.skipIf(!isOpenAi)("reports a wrong key as tts-auth without showing it", async () => {
    const wrongKey = "sk-voxpipe-live-test-wrong-key";
    const provider = createOpenAiTts({ ...options, apiKey: wrongKey }, { env: {} });
    let caught: unknown;
    try {
      for await (const _chunk of provider.synthesize({ text: "Hi." })) void _chunk;
    } catch (error) {
      caught = error;
    }
    expect(VoxpipeError.isInstance(caught) && caught.code).toBe("tts-auth");
    expect((caught as Error).message).not.toContain(wrongKey);
  }, 60_000);
});
