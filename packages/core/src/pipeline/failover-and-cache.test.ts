import { describe, expect, it, vi } from "vitest";
import { AudioCache } from "../cache/audio-cache.js";
import { createScriptedLlm } from "../testing/scripted-llm.js";
import { createSyntheticTts } from "../testing/synthetic-tts.js";
import { rms } from "../audio/pcm.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import type { PipelineEvent } from "./pipeline-event.js";
import { OpeningSplitter } from "./opening-splitter.js";
import { runPipeline } from "./run-pipeline.js";
import { collect } from "../testing/collect.js";
import { createTtsCache } from "../tts-wrappers/create-tts-cache.js";
import { createTtsFailover } from "../tts-wrappers/create-tts-failover.js";

const reply = "The first sentence is right here. The second sentence follows it now. A third one comes after that. And the fourth ends the reply.";

const seconds = (events: PipelineEvent[], segmentIndex: number): number =>
  events.filter((e) => e.type === "audio" && e.segmentIndex === segmentIndex).reduce((n, e) => n + (e.type === "audio" ? e.pcm.length / e.sampleRate : 0), 0);

describe("TTS failover", () => {
  it("resumes on the fallback at the failed segment: no lost segments, no repeated audio, one sample rate", async () => {
    const primary = createSyntheticTts({ sampleRate: 24000, failOnSegment: 1, voice: "primary" });
    const fallback = { ...createSyntheticTts({ sampleRate: 16000, voice: "fallback" }), id: "fallback (test double)" };
    const events = await collect(
      runPipeline({ llm: createScriptedLlm({ text: reply, tokensPerSecond: 3000 }), tts: createTtsFailover(primary, fallback), request: { prompt: "x" }, ttsConcurrency: 1, pauses: false }),
    );
    expect(events.some((e) => e.type === "error")).toBe(false);
    const segments = events.filter((e) => e.type === "segment");
    expect(segments.length).toBe(4);
    for (const segment of segments) {
      if (segment.type !== "segment") continue;
      // 60 ms per character from either double (pauses off: the audio is the TTS's alone): exactly one rendering of every segment, none repeated.
      expect(seconds(events, segment.index)).toBeCloseTo(([...segment.text].length * 60) / 1000, 1);
    }
    for (const event of events) if (event.type === "audio") expect(event.sampleRate).toBe(24000);
    const ends = events.filter((e) => e.type === "segment-end").map((e) => (e.type === "segment-end" ? e.backend : ""));
    expect(ends[0]).toBe(primary.id);
    expect(ends.slice(1)).toEqual([fallback.id, fallback.id, fallback.id]);
    const finish = events.at(-1);
    expect(finish?.type === "finish" && finish.metrics.segments.map((s) => s.backend)).toEqual([primary.id, fallback.id, fallback.id, fallback.id]);
  });

  it("retries a failed backend after its cool-down", async () => {
    // On the fake clock (timers and performance.now()): the runs take no real time, so the cool-down is exact.
    vi.useFakeTimers();
    try {
      let calls = 0;
      const flaky = createSyntheticTts({ voice: "flaky" });
      const primary = { ...flaky, id: "flaky", async *synthesize(request: Parameters<typeof flaky.synthesize>[0]) { if (calls++ === 0) throw new Error("boom"); yield* flaky.synthesize(request); } };
      const fallback = { ...createSyntheticTts(), id: "fallback" };
      const failover = createTtsFailover(primary, fallback, { cooldownMs: 300 });
      const backends = async (): Promise<string[]> => {
        const run = collect(runPipeline({ llm: createScriptedLlm({ text: "Just one short sentence here.", tokensPerSecond: 5000 }), tts: failover, request: { prompt: "x" } }));
        await vi.runAllTimersAsync();
        return (await run).flatMap((e) => (e.type === "segment-end" ? [e.backend] : []));
      };
      const started = performance.now();
      expect(await backends()).toEqual(["fallback"]);
      expect(await backends()).toEqual(["fallback"]); // still cooling down
      expect(performance.now() - started).toBeLessThan(300);
      vi.advanceTimersByTime(300);
      expect(await backends()).toEqual(["flaky"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("when every backend fails, the run ends with a typed TTS error and the audio before it", async () => {
    const events = await runFailingOnEveryBackend();
    expect(events.find((e) => e.type === "error")).toMatchObject({ stage: "tts" });
    expect(events.filter((e) => e.type === "segment-end")).toHaveLength(1);
  });
});

describe("audio cache", () => {
  it("a repeated reply is served from the cache: hit rate in the metrics, same audio", async () => {
    const store = new AudioCache({ maxBytes: 50 * 1024 * 1024 });
    const tts = createTtsCache(createSyntheticTts({ firstChunkMs: 30 }), { store });
    const run = () => collect(runPipeline({ llm: createScriptedLlm({ text: reply, tokensPerSecond: 5000 }), tts, request: { prompt: "x" }, segmenter: { adaptive: false } }));
    const first = await run();
    const second = await run();
    const metrics = (events: PipelineEvent[]) => (events.at(-1)?.type === "finish" ? (events.at(-1) as Extract<PipelineEvent, { type: "finish" }>).metrics : undefined);
    expect(metrics(first)?.cache).toEqual({ hits: 0, misses: 4, hitRate: 0 });
    expect(metrics(second)?.cache).toEqual({ hits: 4, misses: 0, hitRate: 1 });
    expect(metrics(second)?.segments.every((s) => s.cached)).toBe(true);
    for (let i = 0; i < 4; i++) expect(seconds(second, i)).toBeCloseTo(seconds(first, i), 5);
  });

  it("a warmed opening is spoken as its own segment straight from the cache", async () => {
    const store = new AudioCache({ maxBytes: 10 * 1024 * 1024 });
    const openings = ["Sure!", "Let me check that."];
    const tts = createTtsCache(createSyntheticTts({ firstChunkMs: 200 }), { store, openings });
    expect(await tts.warm()).toBe(2);
    expect(await tts.warm()).toBe(0); // already there
    // The run is on the fake clock (timers and performance.now()), so the latencies below are the doubles', not the machine's.
    vi.useFakeTimers();
    let events: PipelineEvent[];
    try {
      const run = collect(runPipeline({ llm: createScriptedLlm({ text: `Sure! ${reply}`, tokensPerSecond: 2000 }), tts, request: { prompt: "x" }, openings }));
      await vi.runAllTimersAsync();
      events = await run;
    } finally {
      vi.useRealTimers();
    }
    const segments = events.filter((e) => e.type === "segment");
    expect(segments[0]).toMatchObject({ text: "Sure!" });
    const finish = events.at(-1) as Extract<PipelineEvent, { type: "finish" }>;
    expect(finish.metrics.segments[0]?.cached).toBe(true);
    // The opening's audio does not wait for the TTS's 200 ms first-chunk latency.
    expect(finish.metrics.ttfaMs! - finish.metrics.firstSegmentMs!).toBeLessThan(150);
  });

  it("evicts least recently used entries to stay under its byte cap", () => {
    const chunk = (n: number) => [{ pcm: new Float32Array(n), sampleRate: 1000, channels: 1 }];
    const store = new AudioCache({ maxBytes: 4000 * 3 });
    store.set("a", chunk(1000));
    store.set("b", chunk(1000));
    store.set("c", chunk(1000));
    store.get("a");
    store.set("d", chunk(1000));
    expect(store.has("b")).toBe(false);
    expect(store.has("a") && store.has("c") && store.has("d")).toBe(true);
    expect(store.stats().bytes).toBeLessThanOrEqual(12000);
  });
});

describe("OpeningSplitter", () => {
  it("splits a known opening however the text is chunked, and passes other text through", () => {
    const openings = ["Sure!", "Let me check that."];
    for (const pieces of [["Sure! Here"], ["Su", "re", "!", " Here"], ["  Let me ", "check that. Ok"]]) {
      const splitter = new OpeningSplitter(openings);
      const results = pieces.map((p) => splitter.push(p)).filter(Boolean);
      expect(results.at(-1)?.opening).toBeDefined();
    }
    const other = new OpeningSplitter(openings);
    expect(other.push("Surely")).toEqual({ rest: "Surely" });
    const exact = new OpeningSplitter(openings);
    expect(exact.push("Sure!")).toBeUndefined();
    expect(exact.end()).toEqual({ opening: "Sure!", rest: "" });
  });
});

describe("fixed: failover and cache", () => {
  const oneSentence = "Just one short sentence here.";
  const finishOf = (events: PipelineEvent[]) => events.at(-1) as Extract<PipelineEvent, { type: "finish" }>;

  it("cache poisoning: audio a fallback spoke is never replayed as the primary's", async () => {
    let calls = 0;
    const base = createSyntheticTts({ voice: "primary", msPerChar: 60 });
    const primary: TtsProvider = { ...base, id: "primary", async *synthesize(request) { if (calls++ === 0) throw new Error("primary down once"); yield* base.synthesize(request); } };
    const fallback = { ...createSyntheticTts({ voice: "fallback", msPerChar: 30 }), id: "fallback" };
    const store = new AudioCache({ maxBytes: 10 * 1024 * 1024 });
    const tts = createTtsCache(createTtsFailover(primary, fallback, { cooldownMs: 0 }), { store });
    const run = () => collect(runPipeline({ llm: createScriptedLlm({ text: oneSentence, tokensPerSecond: 5000 }), tts, request: { prompt: "x" } }));
    const first = await run();
    expect(first.flatMap((e) => (e.type === "segment-end" ? [e.backend] : []))).toEqual(["fallback"]);
    const second = await run();
    // The primary is healthy again: it speaks the segment itself, in its own voice (60 ms per character).
    expect(second.flatMap((e) => (e.type === "segment-end" ? [e.backend] : []))).toEqual(["primary"]);
    expect(finishOf(second).metrics.segments.map((s) => s.cached)).toEqual([false]);
    expect(seconds(second, 0)).toBeCloseTo(([...oneSentence].length * 60) / 1000, 1);
  });

  it("a segment that fails on every backend releases none of its audio (whole segments were promised)", async () => {
    const events = await runFailingOnEveryBackend();
    expect(events.find((e) => e.type === "error")).toMatchObject({ stage: "tts" });
    expect(seconds(events, 0)).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === "audio" && e.segmentIndex === 1)).toEqual([]);
  });

  it("cached audio is never shared: a consumer that changes pcm in place does not silence later replies", async () => {
    const store = new AudioCache({ maxBytes: 10 * 1024 * 1024 });
    const tts = createTtsCache(createSyntheticTts(), { store });
    const run = async (): Promise<number> => {
      let loudest = 0;
      for await (const event of runPipeline({ llm: createScriptedLlm({ text: oneSentence, tokensPerSecond: 5000 }), tts, request: { prompt: "x" } })) {
        if (event.type !== "audio") continue;
        loudest = Math.max(loudest, rms(event.pcm));
        event.pcm.fill(0); // a consumer that mutes what it has played, in place
      }
      return loudest;
    };
    expect(await run()).toBeGreaterThan(0.1); // synthesized, then stored
    expect(await run()).toBeGreaterThan(0.1); // from the cache
    expect(await run()).toBeGreaterThan(0.1); // from the cache again
  });
});

/** TEST DOUBLE: a synthetic TTS whose audio is louder for every voice but its own (so voices sound apart), recording the voice each request asked for. */
function voiced(id: string): TtsProvider & { asked: (string | undefined)[] } {
  const base = { ...createSyntheticTts({ voice: "default" }), id };
  const asked: (string | undefined)[] = [];
  return {
    ...base,
    asked,
    async *synthesize(request) {
      asked.push(request.voice);
      const gain = request.voice === undefined || request.voice === base.voice ? 1 : 2;
      for await (const chunk of base.synthesize(request)) yield { ...chunk, pcm: chunk.pcm.map((sample) => sample * gain) };
    },
  };
}

describe("the run's voice", () => {
  const loudness = (events: PipelineEvent[]): number => rms(Float32Array.from(events.flatMap((e) => (e.type === "audio" ? [...e.pcm] : []))));

  it("reaches the backend on every segment, through the failover and the cache", async () => {
    const primary = voiced("primary");
    const fallback = voiced("fallback");
    const tts = createTtsCache(createTtsFailover(primary, fallback), { store: new AudioCache({ maxBytes: 1e7 }) });
    const events = await collect(runPipeline({ llm: createScriptedLlm({ text: reply, tokensPerSecond: 5000 }), tts, request: { prompt: "x" }, voice: "en-gb" }));
    // However the reply was cut (the adaptive cuts follow the measured rates), every segment asked for the voice.
    const segments = events.filter((e) => e.type === "segment").length;
    expect(segments).toBeGreaterThan(1);
    expect(primary.asked).toEqual(Array<string>(segments).fill("en-gb"));
    expect(fallback.asked).toEqual([]);
  });

  it("keys the opening cache: an opening warmed in the default voice never plays for another voice", async () => {
    const primary = voiced("primary");
    const openings = ["Sure!"];
    const tts = createTtsCache(primary, { store: new AudioCache({ maxBytes: 1e7 }), openings });
    await tts.warm();
    const run = (voice?: string) => collect(runPipeline({ llm: createScriptedLlm({ text: "Sure!", tokensPerSecond: 5000 }), tts, request: { prompt: "x" }, openings, ...(voice ? { voice } : {}) }));
    const cachedOf = (events: PipelineEvent[]) => (events.at(-1) as Extract<PipelineEvent, { type: "finish" }>).metrics.segments.map((s) => s.cached);
    const warmed = await run();
    const other = await run("en-gb");
    const otherAgain = await run("en-gb");
    const ownName = await run("default");
    expect(primary.asked).toEqual([undefined, "en-gb"]); // the warm-up, then the other voice's one miss
    expect([cachedOf(warmed), cachedOf(other), cachedOf(otherAgain), cachedOf(ownName)]).toEqual([[true], [false], [true], [true]]);
    expect(loudness(other) / loudness(warmed)).toBeCloseTo(2, 1);
    expect(loudness(otherAgain)).toBeCloseTo(loudness(other), 5);
    expect(loudness(ownName)).toBeCloseTo(loudness(warmed), 5);
  });
});

/** A run whose segment 1 fails on the primary and on the fallback (which fails segment 0 of what it is given). */
function runFailingOnEveryBackend(): Promise<PipelineEvent[]> {
  return collect(
    runPipeline({
      llm: createScriptedLlm({ text: reply, tokensPerSecond: 3000 }),
      tts: createTtsFailover(createSyntheticTts({ failOnSegment: 1 }), createSyntheticTts({ failOnSegment: 0 })),
      request: { prompt: "x" },
      ttsConcurrency: 1,
    }),
  );
}
