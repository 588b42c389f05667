import { runPipeline, rms } from "@voxpipe/core";
import { collect, createScriptedLlm, tonePcm16 } from "@voxpipe/core/testing";
import { APICallError, type SpeechModelV4CallOptions } from "@ai-sdk/provider";
import { MockSpeechModelV4 } from "ai/test";
import { describe, expect, it } from "vitest";
import { wavHeader } from "@voxpipe/core";
import { ttsFromAiSdk } from "./index.js";

/** TEST DOUBLE: the AI SDK's MockSpeechModelV4 answering every call with a WAV tone as long as the text (40 ms per character). */
function wavSpeechModel(sampleRate = 24000): { model: MockSpeechModelV4; calls: SpeechModelV4CallOptions[] } {
  const calls: SpeechModelV4CallOptions[] = [];
  const model = new MockSpeechModelV4({
    doGenerate: async (options) => {
      calls.push(options);
      const pcm = tonePcm16(options.text, 1, sampleRate, 40, 440);
      const bytes = new Uint8Array(44 + pcm.byteLength);
      bytes.set(wavHeader({ sampleRate, channels: 1 }, pcm.byteLength), 0);
      bytes.set(pcm, 44);
      return { audio: bytes, warnings: [], response: { timestamp: new Date(), modelId: "mock-speech" } };
    },
  });
  return { model, calls };
}

describe("ttsFromAiSdk", () => {
  it("decodes the model's WAV into one whole chunk, asking for wav with the voice and speed", async () => {
    const { model, calls } = wavSpeechModel();
    const tts = ttsFromAiSdk(model, { voice: "alloy" });
    expect(tts.format).toEqual({ sampleRate: 24000, channels: 1 });
    expect(tts.streaming).toBe("whole");
    const chunks = await collect(tts.synthesize({ text: "Hello.", speed: 1.25 }));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.pcm.length).toBe(Math.round(6 * 0.04 * 24000));
    expect(rms(chunks[0]!.pcm)).toBeGreaterThan(0.05);
    expect(calls[0]).toMatchObject({ text: "Hello.", outputFormat: "wav", voice: "alloy", speed: 1.25 });
  });

  it("resamples a WAV at another rate to the declared format", async () => {
    const { model } = wavSpeechModel(16000);
    const chunks = await collect(ttsFromAiSdk(model, { sampleRate: 24000 }).synthesize({ text: "Resample me." }));
    expect(chunks[0]?.sampleRate).toBe(24000);
    expect(chunks[0]!.pcm.length).toBeCloseTo(12 * 0.04 * 24000, -2);
  });

  it("reads raw 16-bit PCM at pcmSampleRate", async () => {
    const model = new MockSpeechModelV4({
      doGenerate: async () => {
        const pcm = tonePcm16("0123456789", 1, 22050, 50, 440);
        return { audio: pcm.toString("base64"), warnings: [], response: { timestamp: new Date(), modelId: "m" } };
      },
    });
    const chunks = await collect(ttsFromAiSdk(model, { outputFormat: "pcm", pcmSampleRate: 22050 }).synthesize({ text: "Hi." }));
    expect(chunks[0]).toMatchObject({ sampleRate: 22050, channels: 1 });
    expect(chunks[0]!.pcm.length).toBe(Math.round(0.5 * 22050));
  });

  it("turns mp3 bytes into an error that says to ask for wav or pcm", async () => {
    const model = new MockSpeechModelV4({ doGenerate: async () => ({ audio: new Uint8Array([0xff, 0xfb, 0x90, 0x00, 1, 2, 3, 4, 5, 6, 7, 8]), warnings: [], response: { timestamp: new Date(), modelId: "m" } }) });
    await expect(collect(ttsFromAiSdk(model).synthesize({ text: "Hi." }))).rejects.toThrow(/not a WAV file.*"wav" or "pcm"/);
  });

  it("keeps a provider's HTTP failure retryable", async () => {
    const model = new MockSpeechModelV4({
      doGenerate: async () => {
        throw new APICallError({ message: "Too many requests", url: "https://api.example.com/speech", requestBodyValues: {}, statusCode: 429, isRetryable: true });
      },
    });
    await expect(collect(ttsFromAiSdk(model).synthesize({ text: "Hi." }))).rejects.toMatchObject({ stage: "tts", code: "tts-http-429", retryable: true });
  });

  it("speaks a streamed reply segment by segment through runPipeline", async () => {
    const { model, calls } = wavSpeechModel();
    const events = [];
    for await (const event of runPipeline({
      llm: createScriptedLlm({ text: "First sentence here. Second sentence there. Third one at the end.", tokensPerSecond: 500 }),
      tts: ttsFromAiSdk(model),
      request: { prompt: "go" },
      segmenter: { minLength: 5, maxLength: 40, eagerFirstSegment: false, adaptive: false },
      // The TTS's own audio, with no pauses shaped at the joins.
      pauses: false,
    })) events.push(event);
    expect(calls.map((c) => c.text)).toEqual(["First sentence here.", "Second sentence there.", "Third one at the end."]);
    const audioMs = events.filter((e) => e.type === "segment-end").reduce((sum, e) => sum + (e as { audioMs: number }).audioMs, 0);
    expect(audioMs).toBeCloseTo((20 + 22 + 21) * 40, -1);
  });
});
