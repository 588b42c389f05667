import { describe, expect, it } from "vitest";
import type { AudioChunk } from "../tts/audio-chunk.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import { collect } from "../testing/collect.js";

/** How to run the TTS conformance suite against one adapter. */
export interface TtsConformanceOptions {
  /** Suite title, e.g. the adapter id. */
  name: string;
  /** Builds the provider under test. */
  create: () => TtsProvider | Promise<TtsProvider>;
  /** Skip the loudness check (for fixtures that output silence by design). */
  allowSilence?: boolean;
  /** Longest time an aborted synthesis may take to end. Default 500 ms. */
  abortWithinMs?: number;
  /** Per-test timeout. Default 30 s. */
  timeoutMs?: number;
}

const frames = (chunks: AudioChunk[]): number => chunks.reduce((n, c) => n + c.pcm.length / c.channels, 0);

/** Registers the TTS conformance tests (vitest) that every TTS adapter must pass. */
export function describeTtsConformance(options: TtsConformanceOptions): void {
  const timeout = options.timeoutMs ?? 30_000;
  const withProvider = (body: (provider: TtsProvider) => Promise<void>) => async () => {
    const provider = await options.create();
    try {
      await body(provider);
    } finally {
      await provider.dispose?.();
    }
  };
  describe(`TTS conformance: ${options.name}`, () => {
    it("declares its format and every chunk matches it", withProvider(async (provider) => {
      expect(provider.format.sampleRate).toBeGreaterThan(0);
      expect(provider.format.channels).toBeGreaterThan(0);
      expect(["fragments", "whole"]).toContain(provider.streaming);
      const chunks = await collect(provider.synthesize({ text: "Hello there. How are you today?" }));
      expect(chunks.length).toBeGreaterThan(0);
      for (const chunk of chunks) {
        expect(chunk.pcm).toBeInstanceOf(Float32Array);
        expect(chunk.sampleRate).toBe(provider.format.sampleRate);
        expect(chunk.channels).toBe(provider.format.channels);
        expect(chunk.pcm.length % chunk.channels).toBe(0);
        for (const sample of chunk.pcm) if (!(sample >= -1 && sample <= 1)) throw new Error(`sample out of range: ${sample}`);
      }
      if (provider.streaming === "whole") expect(chunks).toHaveLength(1);
      const seconds = frames(chunks) / provider.format.sampleRate;
      expect(seconds).toBeGreaterThan(0.3);
      expect(seconds).toBeLessThan(30);
      if (!options.allowSilence) expect(chunks.some((c) => c.pcm.some((s) => Math.abs(s) > 0.01))).toBe(true);
    }), timeout);

    it("yields no audio for empty or whitespace-only text", withProvider(async (provider) => {
      expect(frames(await collect(provider.synthesize({ text: "" })))).toBe(0);
      expect(frames(await collect(provider.synthesize({ text: "  \n\t " })))).toBe(0);
    }), timeout);

    it("speaks long input in full (longer text, longer audio)", withProvider(async (provider) => {
      const short = frames(await collect(provider.synthesize({ text: "One short sentence." })));
      const long = frames(await collect(provider.synthesize({ text: "One short sentence. ".repeat(12) })));
      expect(long).toBeGreaterThan(short * 3);
    }), timeout);

    it("honours abort promptly", withProvider(async (provider) => {
      const controller = new AbortController();
      const started = performance.now();
      let abortedAt = 0;
      let after = 0;
      const text = "This is a rather long piece of text that takes a while to synthesize. ".repeat(8);
      setTimeout(() => { abortedAt = performance.now(); controller.abort(); }, 1);
      try {
        for await (const _chunk of provider.synthesize({ text, signal: controller.signal })) {
          if (abortedAt > 0) after++;
        }
      } catch (error) {
        expect(controller.signal.aborted).toBe(true);
        void error;
      }
      const ended = performance.now();
      if (abortedAt === 0) abortedAt = started;
      expect(ended - abortedAt).toBeLessThan(options.abortWithinMs ?? 500);
      expect(after).toBeLessThanOrEqual(1);
    }), timeout);

    it("ends at once when the signal has already fired", withProvider(async (provider) => {
      const controller = new AbortController();
      controller.abort();
      let chunks = 0;
      try {
        for await (const _chunk of provider.synthesize({ text: "Hello there.", signal: controller.signal })) chunks++;
      } catch {
        // throwing an abort error is allowed
      }
      expect(chunks).toBe(0);
    }), timeout);
  });
}
