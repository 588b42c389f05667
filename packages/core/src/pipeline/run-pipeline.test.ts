import { describe, expect, it } from "vitest";
import { createScriptedLlm } from "../testing/scripted-llm.js";
import { createSyntheticTts } from "../testing/synthetic-tts.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import type { AudioChunk } from "../tts/audio-chunk.js";
import type { PipelineEvent } from "./pipeline-event.js";
import { runPipeline } from "./run-pipeline.js";
import { collect } from "../testing/collect.js";

const reply =
  "The weather today is sunny and warm. You might want to bring some water with you. " +
  "In the afternoon clouds will gather over the hills. By evening there could be light rain. " +
  "Tomorrow looks brighter again, with a gentle breeze from the west.";

/** A TEST DOUBLE TTS with random per-request latency; each chunk's first sample encodes the segment text length. */
function randomLatencyTts(seed: number): TtsProvider {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return {
    id: "random-latency (test double)",
    voice: "tone",
    format: { sampleRate: 8000, channels: 1 },
    streaming: "fragments",
    async *synthesize(request): AsyncGenerator<AudioChunk> {
      const delay = random() * 40;
      await new Promise((resolve) => setTimeout(resolve, delay));
      request.signal?.throwIfAborted();
      for (let i = 0; i < 3; i++) {
        const pcm = new Float32Array(80).fill(request.text.length / 1000);
        yield { pcm, sampleRate: 8000, channels: 1 };
        await new Promise((resolve) => setTimeout(resolve, random() * 5));
      }
    },
  };
}

describe("runPipeline", () => {
  it("delivers audio in segment order under parallel TTS with random latencies", async () => {
    for (const seed of [1, 2, 3]) {
      const events = await collect(
        runPipeline({ llm: createScriptedLlm({ text: reply, tokensPerSecond: 2000 }), tts: randomLatencyTts(seed), request: { prompt: "weather" }, ttsConcurrency: 4, pauses: false }),
      );
      const segments = events.filter((e) => e.type === "segment");
      expect(segments.length).toBeGreaterThanOrEqual(4);
      const audio = events.filter((e) => e.type === "audio");
      const order = audio.map((e) => e.segmentIndex);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const event of audio) {
        const segment = segments.find((s) => s.index === event.segmentIndex);
        expect(event.pcm[0]).toBeCloseTo((segment?.text.length ?? 0) / 1000, 5);
      }
      const ends = events.filter((e) => e.type === "segment-end").map((e) => e.segmentIndex);
      expect(ends).toEqual(segments.map((s) => s.index));
      expect(events.at(-1)?.type).toBe("finish");
    }
  });

  it("streaming: first audio follows the first segment, long before the reply ends", async () => {
    const events = await collect(
      runPipeline({
        llm: createScriptedLlm({ text: reply, tokensPerSecond: 100 }),
        tts: createSyntheticTts({ firstChunkMs: 5, realTimeFactor: 0.05 }),
        request: { prompt: "weather" },
      }),
    );
    const firstAudio = events.find((e) => e.type === "audio");
    const lastText = events.filter((e) => e.type === "text-delta").at(-1);
    expect(firstAudio && lastText && firstAudio.atMs < lastText.atMs / 2).toBe(true);
    const finish = events.at(-1);
    expect(finish?.type === "finish" && finish.metrics.ttfaMs !== null && finish.metrics.segments.length >= 4).toBe(true);
  });

  it("whole mode waits for the full reply and its full render", async () => {
    const events = await collect(
      runPipeline({
        mode: "whole",
        llm: createScriptedLlm({ text: reply, tokensPerSecond: 400 }),
        tts: createSyntheticTts({ realTimeFactor: 0.02 }),
        request: { prompt: "weather" },
      }),
    );
    const firstAudio = events.findIndex((e) => e.type === "audio");
    const lastText = events.map((e) => e.type).lastIndexOf("text-delta");
    expect(firstAudio).toBeGreaterThan(lastText);
    expect(events.filter((e) => e.type === "segment")).toHaveLength(1);
  });

  it("re-cuts audio into fragments of the configured duration", async () => {
    const events = await collect(
      runPipeline({
        llm: createScriptedLlm({ text: "Hello there, this is a fairly short reply. It has two sentences in it.", tokensPerSecond: 5000 }),
        tts: createSyntheticTts({ sampleRate: 10000, chunkMs: 70 }),
        request: { prompt: "hi" },
        fragments: { enabled: true, intervalMs: 300 },
      }),
    );
    const audio = events.filter((e) => e.type === "audio");
    for (const segmentIndex of new Set(audio.map((a) => a.segmentIndex))) {
      const fragments = audio.filter((a) => a.segmentIndex === segmentIndex);
      expect(fragments.map((f) => f.fragmentIndex)).toEqual(fragments.map((_, i) => i));
      for (const fragment of fragments.slice(0, -1)) expect(fragment.pcm.length).toBe(3000);
      expect(fragments.at(-1)!.pcm.length).toBeLessThanOrEqual(3000);
    }
  });

  it("a backend that returns each segment whole is handled like a streaming one (and re-cut into fragments)", async () => {
    const text = "Hello there, this is a fairly short reply. It has two sentences in it.";
    const tts = createSyntheticTts({ sampleRate: 10000, streaming: false });
    expect(tts.streaming).toBe("whole");
    const plain = await collect(runPipeline({ llm: createScriptedLlm({ text, tokensPerSecond: 5000 }), tts, request: { prompt: "hi" }, segmenter: { eagerFirstSegment: false }, pauses: false }));
    const segments = plain.filter((e) => e.type === "segment");
    expect(segments.length).toBe(2);
    for (const segment of segments) expect(plain.filter((e) => e.type === "audio" && e.segmentIndex === segment.index)).toHaveLength(1);
    const cut = await collect(
      runPipeline({ llm: createScriptedLlm({ text, tokensPerSecond: 5000 }), tts: createSyntheticTts({ sampleRate: 10000, streaming: false }), request: { prompt: "hi" }, segmenter: { eagerFirstSegment: false }, fragments: { enabled: true, intervalMs: 300 }, pauses: false }),
    );
    const fragments = cut.filter((e) => e.type === "audio" && e.segmentIndex === 0);
    expect(fragments.length).toBeGreaterThan(1);
    const samples = (events: PipelineEvent[]) => events.reduce((n, e) => n + (e.type === "audio" ? e.pcm.length : 0), 0);
    expect(samples(cut)).toBe(samples(plain));
  });

  it("a TTS failure mid-reply ends with a typed error; audio before it is intact and in order", async () => {
    const events = await collect(
      runPipeline({
        llm: createScriptedLlm({ text: reply, tokensPerSecond: 2000 }),
        tts: createSyntheticTts({ failOnSegment: 2 }),
        request: { prompt: "weather" },
        ttsConcurrency: 1,
      }),
    );
    const error = events.find((e) => e.type === "error");
    expect(error).toMatchObject({ type: "error", stage: "tts", code: "tts-failed" });
    const ends = events.filter((e) => e.type === "segment-end").map((e) => e.segmentIndex);
    expect(ends).toEqual([0, 1]);
    const audio = events.filter((e) => e.type === "audio");
    expect(audio.filter((a) => a.segmentIndex < 2).length).toBeGreaterThan(0);
    expect(events.at(-1)?.type).toBe("finish");
    expect(events.findIndex((e) => e.type === "error")).toBe(events.length - 2);
  });

  it("an LLM that drops mid-reply: the segments already cut are spoken, then a typed error", async () => {
    const events = await collect(
      runPipeline({ llm: createScriptedLlm({ text: reply, tokensPerSecond: 2000, failAfterChars: 100 }), tts: createSyntheticTts(), request: { prompt: "x" } }),
    );
    expect(events.find((e) => e.type === "error")).toMatchObject({ stage: "llm", code: "llm-stream-dropped" });
    expect(events.filter((e) => e.type === "segment-end").length).toBeGreaterThanOrEqual(1);
    expect(events.at(-1)?.type).toBe("finish");
  });

  it("each segment's TTS request goes out before the consumer reads its event, which still comes after its text and before its audio", async () => {
    const seen: PipelineEvent[] = [];
    const seenAtCall: number[] = [];
    const base = createSyntheticTts({ chunkMs: 50, firstChunkMs: 5 });
    const tts: TtsProvider = {
      ...base,
      synthesize(request) {
        seenAtCall.push(seen.filter((e) => e.type === "segment").length);
        return base.synthesize(request);
      },
    };
    const text = "Welcome back to the show. Here is the first story of the day. And here is the second one.";
    for await (const event of runPipeline({ llm: createScriptedLlm({ text, tokensPerSecond: 400 }), tts, request: { prompt: "x" }, pauses: false, ttsConcurrency: 3 })) {
      seen.push(event);
      // A consumer that takes its time with every event.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    // When segment i went to TTS, the consumer had read at most i segment events (never segment i's own).
    expect(seenAtCall.length).toBeGreaterThanOrEqual(2);
    seenAtCall.forEach((count, index) => expect(count).toBeLessThanOrEqual(index));
    let replied = "";
    const firstAudio = new Map<number, number>();
    seen.forEach((event, position) => {
      if (event.type === "text-delta") replied += event.text;
      if (event.type === "segment") expect(replied).toContain(event.text);
      if (event.type === "audio" && !firstAudio.has(event.segmentIndex)) firstAudio.set(event.segmentIndex, position);
    });
    for (const [index, position] of firstAudio) {
      expect(seen.findIndex((e) => e.type === "segment" && e.index === index)).toBeLessThan(position);
    }
  });

  it("a consumer that never reads does not make the pipeline buffer without bound", async () => {
    let produced = 0;
    const base = createSyntheticTts({ chunkMs: 100 });
    const counting: TtsProvider = {
      ...base,
      async *synthesize(request) {
        for await (const chunk of base.synthesize(request)) {
          produced += chunk.pcm.length;
          yield chunk;
        }
      },
    };
    const long = "This sentence is one of very many in a long reply. ".repeat(400);
    const run = runPipeline({ llm: createScriptedLlm({ text: long, tokensPerSecond: 1e6 }), tts: counting, request: { prompt: "x" }, maxBufferedAudioMs: 5000 });
    const iterator = run[Symbol.asyncIterator]();
    await iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const producedSeconds = produced / 24000;
    // The whole reply is ~1,200 s of audio; with a stalled consumer only a bounded amount is produced.
    expect(producedSeconds).toBeLessThan(20);
    await iterator.return?.(undefined);
  });

  describe("abort", () => {
    const stages: [string, (events: PipelineEvent[]) => boolean][] = [
      ["before the first token", () => true],
      ["after the first text", (events) => events.some((e) => e.type === "text-delta")],
      ["during synthesis", (events) => events.some((e) => e.type === "segment")],
      ["during audio delivery", (events) => events.some((e) => e.type === "audio")],
    ];
    for (const [name, when] of stages) {
      it(`${name}: no events after the abort and nothing left running`, async () => {
        const before = new Set(process.getActiveResourcesInfo());
        const controller = new AbortController();
        const events: PipelineEvent[] = [];
        let countAtAbort = -1;
        const llm = createScriptedLlm({ text: reply, tokensPerSecond: 200, firstTokenMs: 30 });
        const tts = createSyntheticTts({ firstChunkMs: 20, realTimeFactor: 0.3 });
        const run = runPipeline({ llm, tts, request: { prompt: "x" }, signal: controller.signal });
        if (name === "before the first token") setTimeout(() => controller.abort(), 5);
        for await (const event of run) {
          events.push(event);
          if (countAtAbort < 0 && name !== "before the first token" && when(events)) {
            countAtAbort = events.length;
            controller.abort();
          }
        }
        if (countAtAbort >= 0) expect(events.length).toBe(countAtAbort);
        expect(events.some((e) => e.type === "finish")).toBe(false);
        await new Promise((resolve) => setTimeout(resolve, 20));
        const after = process.getActiveResourcesInfo().filter((r) => r === "Timeout");
        expect(after.length).toBeLessThanOrEqual([...before].filter((r) => r === "Timeout").length);
      });
    }

    it("an already-aborted signal yields nothing", async () => {
      const controller = new AbortController();
      controller.abort();
      const events = await collect(runPipeline({ llm: createScriptedLlm({ text: reply }), tts: createSyntheticTts(), request: { prompt: "x" }, signal: controller.signal }));
      expect(events).toEqual([]);
    });
  });
});
