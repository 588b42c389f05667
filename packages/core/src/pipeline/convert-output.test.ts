import { describe, expect, it } from "vitest";
import { createScriptedLlm, createSyntheticTts } from "../testing/index.js";
import { textStreamLlm } from "../llm/text-stream-llm.js";
import type { PipelineEvent } from "./pipeline-event.js";
import { convertOutput } from "./convert-output.js";
import { runPipeline } from "./run-pipeline.js";

const run = (sampleRate: number) =>
  runPipeline({
    llm: createScriptedLlm({ text: "The first sentence is here. And a second one follows it.", tokensPerSecond: 2000 }),
    tts: createSyntheticTts({ sampleRate, realTimeFactor: 0.01 }),
    segmenter: { minLength: 5, firstMinLength: 5 },
    request: { prompt: "go" },
  });

async function collect(events: AsyncIterable<PipelineEvent>): Promise<PipelineEvent[]> {
  const out: PipelineEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const framesOf = (events: PipelineEvent[], segment: number): number =>
  events.filter((e) => e.type === "audio" && e.segmentIndex === segment).reduce((sum, e) => sum + (e.type === "audio" ? e.pcm.length / e.channels : 0), 0);

describe("convertOutput", () => {
  it("delivers every segment's audio at the asked rate and channels, as long as the original (the resampler's tail included)", async () => {
    const native = await collect(run(24000));
    const converted = await collect(convertOutput(run(24000), { sampleRate: 8000, channels: 2 }));
    const audio = converted.filter((e) => e.type === "audio");
    expect(audio.length).toBeGreaterThan(0);
    for (const e of audio) expect([e.sampleRate, e.channels]).toEqual([8000, 2]);
    const segments = native.filter((e) => e.type === "segment").length;
    expect(segments).toBeGreaterThanOrEqual(2);
    for (let s = 0; s < segments; s++) expect(framesOf(converted, s)).toBe(Math.round(framesOf(native, s) / 3));
    // Fragment indexes stay 0, 1, 2… within each segment, and each segment's audio ends before its segment-end.
    const first = converted.filter((e) => e.type === "audio" && e.segmentIndex === 0).map((e) => (e.type === "audio" ? e.fragmentIndex : -1));
    expect(first).toEqual(first.map((_, i) => i));
    const end0 = converted.findIndex((e) => e.type === "segment-end" && e.segmentIndex === 0);
    expect(converted.slice(end0).some((e) => e.type === "audio" && e.segmentIndex === 0)).toBe(false);
  });

  it("passes the run's own events through when no format is asked", async () => {
    const events = await collect(convertOutput(run(16000), {}));
    expect(events.filter((e) => e.type === "audio").every((e) => e.type === "audio" && e.sampleRate === 16000)).toBe(true);
  });
});

describe("textStreamLlm", () => {
  it("speaks a plain async iterable of strings through the segmenter and the TTS", async () => {
    async function* text() {
      yield "Hello the";
      yield "re. This is a ";
      yield "stream of text.";
    }
    const events = await collect(runPipeline({ llm: textStreamLlm(text()), tts: createSyntheticTts({ realTimeFactor: 0.01 }), request: { prompt: "(text stream)" }, segmenter: { minLength: 5, firstMinLength: 5 } }));
    expect(events.filter((e) => e.type === "segment").map((e) => (e.type === "segment" ? e.text : ""))).toEqual(["Hello there.", "This is a stream of text."]);
    expect(events.at(-1)?.type).toBe("finish");
  });

  it("calls the stream's return() when the run is stopped, and reports a stream that throws as an llm error", async () => {
    let returned = false;
    const endless: AsyncIterable<string> = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<string>>(() => {}),
        return: async () => {
          returned = true;
          return { done: true, value: undefined };
        },
      }),
    };
    const controller = new AbortController();
    const stopped = collect(runPipeline({ llm: textStreamLlm(endless), tts: createSyntheticTts({}), request: { prompt: "x" }, signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    await stopped;
    expect(returned).toBe(true);

    async function* failing() {
      yield "Some text. ";
      throw new Error("socket closed");
    }
    const events = await collect(runPipeline({ llm: textStreamLlm(failing()), tts: createSyntheticTts({ realTimeFactor: 0.01 }), request: { prompt: "x" } }));
    const error = events.find((e) => e.type === "error");
    expect(error).toMatchObject({ stage: "llm", code: "text-stream-failed" });
    expect(error?.type === "error" && error.message).toMatch(/socket closed/);
  });
});
