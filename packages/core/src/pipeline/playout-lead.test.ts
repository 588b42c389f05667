import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunMetrics } from "../metrics/run-metrics.js";
import { createScriptedLlm } from "../testing/scripted-llm.js";
import { createSyntheticTts, type SyntheticTtsOptions } from "../testing/synthetic-tts.js";
import type { PipelineEvent } from "./pipeline-event.js";
import { PlayoutLead } from "./playout-lead.js";
import { runPipeline } from "./run-pipeline.js";

const reply =
  "Here is what I found. The museum opens at nine and closes at six, except on Mondays. " +
  "Tickets cost twelve euros, and children under ten get in for free.";

/**
 * One streaming run with test doubles, on vitest's fake clock (timers and
 * `performance.now()`): the doubles' delays and the pipeline's holds happen in
 * virtual time, so gaps and leads are what the pipeline computes, whatever the
 * load on the machine. Returns its events and metrics.
 */
async function speak(tts: SyntheticTtsOptions, options: { playoutLead?: number | PlayoutLead; ttsConcurrency?: number; signal?: AbortSignal } = {}) {
  const events: PipelineEvent[] = [];
  const started = performance.now();
  let firstAudioAt: number | null = null;
  const run = (async () => {
    for await (const event of runPipeline({
      llm: createScriptedLlm({ text: reply, tokensPerSecond: 200, firstTokenMs: 10 }),
      tts: createSyntheticTts({ firstChunkMs: 20, msPerChar: 10, chunkMs: 40, sampleRate: 8000, ...tts }),
      request: { prompt: "When is the museum open?" },
      ...options,
    })) {
      if (event.type === "audio") firstAudioAt ??= performance.now() - started;
      events.push(event);
    }
  })();
  await vi.runAllTimersAsync();
  await run;
  const finish = events.find((e) => e.type === "finish");
  return { events, firstAudioAt, metrics: finish?.type === "finish" ? finish.metrics : (undefined as unknown as RunMetrics) };
}

describe("PlayoutLead", () => {
  it("asks for no lead until a reply needed one", () => {
    const lead = new PlayoutLead();
    expect(lead.leadMs).toBe(0);
    lead.record(0);
    expect(lead.leadMs).toBe(0);
  });

  it("covers the largest recent need with a margin, capped", () => {
    const lead = new PlayoutLead({ maxLeadMs: 500 });
    lead.record(100);
    expect(lead.leadMs).toBeCloseTo(120, 5); // 100 + 10 % + 10 ms
    lead.record(40);
    expect(lead.leadMs).toBeCloseTo(120, 5);
    lead.record(2000);
    expect(lead.leadMs).toBe(500);
  });

  it("forgets replies older than its memory, so the lead shrinks when the backend speeds up", () => {
    const lead = new PlayoutLead({ memory: 2 });
    lead.record(300);
    lead.record(0);
    expect(lead.leadMs).toBeGreaterThan(300);
    lead.record(0);
    expect(lead.leadMs).toBe(0);
  });

  it("ignores values that are not numbers", () => {
    const lead = new PlayoutLead();
    lead.record(Number.NaN);
    lead.record(Number.POSITIVE_INFINITY);
    expect(lead.leadMs).toBe(0);
  });
});

describe("runPipeline with a playout lead", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("a TTS slower than real time leaves gaps; the learned lead removes most of them on the next reply", async () => {
    const lead = new PlayoutLead();
    const slow = { realTimeFactor: 1.5 };
    const first = await speak(slow, { playoutLead: lead, ttsConcurrency: 4 });
    expect(first.metrics.playoutLeadMs).toBe(0);
    expect(first.metrics.gapMs).toBeGreaterThan(50);
    // With gaps, the lead that was needed is exactly the lead used plus the waits.
    expect(first.metrics.requiredLeadMs).toBeCloseTo(first.metrics.gapMs, 5);
    expect(lead.leadMs).toBeGreaterThan(first.metrics.gapMs);

    const second = await speak(slow, { playoutLead: lead, ttsConcurrency: 4 });
    expect(second.metrics.playoutLeadMs).toBeGreaterThan(first.metrics.gapMs);
    // Most waits are gone (on the fake clock no timer jitter reopens any).
    expect(second.metrics.gapMs).toBeLessThan(first.metrics.gapMs / 2);
    // The lead is paid in time to first audio, and only once.
    expect(second.metrics.ttfaMs!).toBeGreaterThanOrEqual(first.metrics.ttfaMs! + second.metrics.playoutLeadMs * 0.5);
    const audio = (run: { events: PipelineEvent[] }) => run.events.filter((e) => e.type === "audio").reduce((n, e) => n + (e.type === "audio" ? e.pcm.length : 0), 0);
    expect(audio(second)).toBe(audio(first));
  });

  it("a TTS faster than real time needs no lead, so the first audio is never held", async () => {
    const lead = new PlayoutLead();
    for (let i = 0; i < 2; i++) {
      const run = await speak({ realTimeFactor: 0.2 }, { playoutLead: lead, ttsConcurrency: 2 });
      expect(run.metrics.gapMs).toBe(0);
      expect(run.metrics.playoutLeadMs).toBe(0);
      expect(run.metrics.requiredLeadMs).toBe(0);
    }
    expect(lead.leadMs).toBe(0);
  });

  it("a fixed lead holds the first audio that long and reports the slack it left", async () => {
    const run = await speak({ realTimeFactor: 0.2 }, { playoutLead: 80 });
    expect(run.metrics.playoutLeadMs).toBe(80);
    expect(run.firstAudioAt!).toBeGreaterThanOrEqual(80);
    expect(run.metrics.gapMs).toBe(0);
    expect(run.metrics.requiredLeadMs).toBeLessThan(80);
  });

  it("whole-reply mode never holds", async () => {
    const events: PipelineEvent[] = [];
    const run = (async () => {
      for await (const event of runPipeline({
        llm: createScriptedLlm({ text: reply, tokensPerSecond: 1000 }),
        tts: createSyntheticTts({ msPerChar: 5 }),
        request: { prompt: "x" },
        mode: "whole",
        playoutLead: 5000,
      })) events.push(event);
    })();
    await vi.runAllTimersAsync();
    await run;
    const finish = events.find((e) => e.type === "finish");
    expect(finish?.type === "finish" && finish.metrics.playoutLeadMs).toBe(0);
  });

  it("an abort while the first audio is held ends the run at once and leaves no timer", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const events: PipelineEvent[] = [];
    const run = (async () => {
      for await (const event of runPipeline({
        llm: createScriptedLlm({ text: reply, tokensPerSecond: 1000 }),
        tts: createSyntheticTts({ msPerChar: 5 }),
        request: { prompt: "x" },
        playoutLead: 10_000,
        signal: controller.signal,
      })) events.push(event);
    })();
    // 50 ms in, the first audio is ready and held (it would be released at 10 s).
    await vi.advanceTimersByTimeAsync(50);
    expect(events.some((e) => e.type === "segment")).toBe(true);
    controller.abort();
    await run;
    expect(performance.now() - started).toBe(50);
    expect(events.some((e) => e.type === "audio" || e.type === "finish")).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });
});
