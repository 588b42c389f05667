// Live tests against a real GPT-SoVITS api_v2 server: `pnpm test:live`.
// GPT_SOVITS_URL (default http://127.0.0.1:9880), GPT_SOVITS_REF_AUDIO (a reference clip path on the
// server, required), GPT_SOVITS_PROMPT_TEXT, GPT_SOVITS_PROMPT_LANG, GPT_SOVITS_TEXT_LANG (default en),
// GPT_SOVITS_SAMPLE_RATE (default 32000). Skips when the server is unreachable or no clip is named.
import { describe, expect, it } from "vitest";
import { VoxpipeError, rms, type AudioChunk } from "@voxpipe/core";
import { createGptSovitsTts } from "./create-gpt-sovits-tts.js";

const baseURL = process.env["GPT_SOVITS_URL"] ?? "http://127.0.0.1:9880";
const refAudioPath = process.env["GPT_SOVITS_REF_AUDIO"];
const options = {
  baseURL,
  refAudioPath: refAudioPath ?? "",
  promptText: process.env["GPT_SOVITS_PROMPT_TEXT"] ?? "",
  promptLang: process.env["GPT_SOVITS_PROMPT_LANG"] ?? "auto",
  textLang: process.env["GPT_SOVITS_TEXT_LANG"] ?? "en",
  sampleRate: Number(process.env["GPT_SOVITS_SAMPLE_RATE"] ?? 32000),
  firstAudioTimeoutMs: 120_000,
  idleTimeoutMs: 120_000,
};

async function skipReason(): Promise<string | undefined> {
  try {
    await fetch(baseURL, { signal: AbortSignal.timeout(5000) });
  } catch (error) {
    return `no GPT-SoVITS server at ${baseURL} (${(error as Error).message}); start \`python api_v2.py\` or set GPT_SOVITS_URL`;
  }
  if (!refAudioPath) return "GPT_SOVITS_REF_AUDIO is not set (a reference clip path on the server)";
  return undefined;
}

const reason = await skipReason();
if (reason) console.warn(`[tts-gpt-sovits live] skipped: ${reason}`);

describe.skipIf(reason !== undefined)(`tts-gpt-sovits live (${baseURL})`, () => {
  for (const streamingMode of [true, false] as const) {
    it(`speaks audibly with streamingMode ${streamingMode}, reporting time to first audio`, async () => {
      const provider = createGptSovitsTts({ ...options, streamingMode });
      const started = performance.now();
      let firstAudioMs = 0;
      const chunks: AudioChunk[] = [];
      for await (const chunk of provider.synthesize({ text: "Hello there. How are you today?" })) {
        if (chunks.length === 0) firstAudioMs = performance.now() - started;
        chunks.push(chunk);
      }
      const seconds = chunks.reduce((n, c) => n + c.pcm.length, 0) / provider.format.sampleRate;
      const elapsed = performance.now() - started;
      console.info(`[tts-gpt-sovits live] streamingMode=${streamingMode}: first audio ${firstAudioMs.toFixed(0)} ms, ${chunks.length} chunks, ${seconds.toFixed(2)} s audio, RTF ${(elapsed / 1000 / seconds).toFixed(2)}`);
      expect(seconds).toBeGreaterThan(0.5);
      expect(Math.max(...chunks.map((c) => rms(c.pcm)))).toBeGreaterThan(0.01);
    }, 180_000);
  }

  it("turns the server's 400 into tts-bad-request with its message", async () => {
    const provider = createGptSovitsTts({ ...options, textLang: "xx" });
    let caught: unknown;
    try {
      for await (const _chunk of provider.synthesize({ text: "Hi." })) void _chunk;
    } catch (error) {
      caught = error;
    }
    expect(VoxpipeError.isInstance(caught) && caught.code).toBe("tts-bad-request");
    expect((caught as Error).message).toContain("text_lang");
  }, 60_000);
});
