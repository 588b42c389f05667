import { existsSync } from "node:fs";
import path from "node:path";
import type { PipelineEvent } from "@voxpipe/core";
import { openVoxpipe } from "voxpipe";
import { describe, expect, it } from "vitest";
import { audioSeconds, doublesConfig, expectAudioInOrder, expectCleanFailure, runConfig, say, writeConfig, checkForLeaksAfterEachTest, reply } from "./fault-harness.js";

checkForLeaksAfterEachTest();

describe("consumer faults", () => {
  it("a consumer that stops reading: production stops with bounded memory, and breaking out cleans up", async () => {
    let heapBefore = 0;
    const long = "This sentence is one of very many in a very long reply. ".repeat(3000);
    const voxpipe = await openVoxpipe({ configFile: doublesConfig({ text: long, tokensPerSecond: 1e6 }) });
    try {
      global.gc?.();
      heapBefore = process.memoryUsage().heapUsed;
      const iterator = voxpipe.run("hello")[Symbol.asyncIterator]();
      await iterator.next();
      await new Promise((resolve) => setTimeout(resolve, 500));
      // The reply is ~10,000 s of audio (~640 MB as floats); a stalled consumer holds a bounded amount.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(150 * 1024 * 1024);
      await iterator.return?.(undefined);
    } finally {
      await voxpipe.dispose();
    }
  });

  const abortPoints: [string, Record<string, unknown>, Record<string, unknown>, (events: PipelineEvent[]) => boolean][] = [
    ["before start", {}, {}, () => true],
    ["while waiting for the first token", { firstTokenMs: 2000 }, {}, () => false],
    ["during synthesis", {}, { firstChunkMs: 2000 }, (events) => events.some((e) => e.type === "segment")],
    ["during playback (audio flowing)", { tokensPerSecond: 50 }, { realTimeFactor: 0.5 }, (events) => events.some((e) => e.type === "audio")],
  ];
  for (const [name, llm, tts, when] of abortPoints) {
    it(`abort ${name}: the run ends at once, no events after, nothing left running`, async () => {
      const controller = new AbortController();
      if (name === "before start") controller.abort();
      else if (name.startsWith("while waiting")) setTimeout(() => controller.abort(), 100);
      const voxpipe = await openVoxpipe({ configFile: doublesConfig({ text: reply, ...llm }, tts) });
      const events: PipelineEvent[] = [];
      let countAtAbort = -1;
      try {
        for await (const event of voxpipe.run("hello", { signal: controller.signal })) {
          events.push(event);
          if (countAtAbort < 0 && !controller.signal.aborted && when(events)) {
            countAtAbort = events.length;
            controller.abort();
          }
        }
      } finally {
        await voxpipe.dispose();
      }
      if (countAtAbort >= 0) expect(events).toHaveLength(countAtAbort);
      expect(events.some((e) => e.type === "finish" || e.type === "error")).toBe(false);
    });
  }
});

describe("input faults", () => {
  it("an empty or whitespace-only prompt is a clear error, not a hang", async () => {
    const config = doublesConfig({ text: reply });
    for (const prompt of ["", "   \n\t "]) {
      const events = await runConfig(config, prompt);
      expectCleanFailure(events, "pipeline", /empty-prompt/);
      expect(audioSeconds(events)).toBe(0);
    }
    expect((await say(config, "   ")).code).toBe(1);
  });

  it("a 100 KB prompt goes through", async () => {
    const events = await runConfig(doublesConfig({ text: reply }), "word ".repeat(20_000));
    expect(events.at(-1)?.type).toBe("finish");
    expect(events.some((e) => e.type === "error")).toBe(false);
  });

  it("emoji and mixed scripts are spoken, never mangled", async () => {
    const text = "Hello 👋🏽 world! Ça va très bien, merci. 你好，世界。こんにちは！ مرحبا بالعالم. Привет, мир! Done 🎉.";
    const events = await runConfig(doublesConfig({ text }), "hello");
    expect(events.some((e) => e.type === "error")).toBe(false);
    const spoken = events.flatMap((e) => (e.type === "segment" ? [e.text] : [])).join(" ");
    for (const piece of ["👋🏽", "Ça va très bien", "你好", "こんにちは", "مرحبا", "Привет", "🎉"]) expect(spoken).toContain(piece);
    expect(spoken).not.toContain("\uFFFD");
    expectAudioInOrder(events);
  });

  it("a reply that is one 10,000-character sentence without punctuation is cut within maxLength and spoken in full", async () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i % 97}x`);
    const text = words.join(" ").slice(0, 10_000);
    const events = await runConfig(doublesConfig({ text, tokensPerSecond: 1e5 }), "hello");
    const segments = events.flatMap((e) => (e.type === "segment" ? [e.text] : []));
    expect(segments.length).toBeGreaterThan(80);
    for (const s of segments) expect([...s].length).toBeLessThanOrEqual(100);
    expect(segments.join(" ")).toBe(text.replace(/\s+/g, " ").trim());
    expect(events.at(-1)?.type).toBe("finish");
  });
});

describe("config faults", () => {
  it("unknown adapter package: exit 1, names it and lists the first-party adapters", async () => {
    const result = await say(writeConfig('llm: { use: "@voxpipe/llm-nope" }\ntts: { use: "@voxpipe/core/testing#syntheticTts" }\n'), "hi");
    expect(result.code).toBe(1);
    await expect(openVoxpipe({ configFile: writeConfig('llm: { use: "@voxpipe/llm-nope" }\n') })).rejects.toThrow(/@voxpipe\/llm-nope.*@voxpipe\/llm-llama-cpp/s);
  });

  it("an adapter that throws while being created: exit 1, names the adapter", async () => {
    const adapter = path.join(import.meta.dirname, "fixtures/throwing-adapter.mjs");
    const config = writeConfig(`llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Hi." } }\ntts: { use: "${adapter}" }\n`);
    await expect(openVoxpipe({ configFile: config })).rejects.toThrow(/tts: the adapter ".*throwing-adapter\.mjs" failed to start: no sound card here/);
    expect((await say(config, "hi")).code).toBe(1);
  });

  it.skipIf(!existsSync(path.resolve(import.meta.dirname, "../../packages/llm-llama-cpp/dist/index.js")))("a missing model file: exit 1, names the path", async () => {
    const config = writeConfig(`llm: { use: "@voxpipe/llm-llama-cpp", options: { model: ./no-such-model.gguf, build: never, gpu: false } }\ntts: { use: "@voxpipe/core/testing#syntheticTts" }\n`);
    let message = "";
    try {
      const voxpipe = await openVoxpipe({ configFile: config, env: {} });
      for await (const event of voxpipe.run("hi")) if (event.type === "error") message = event.message;
      await voxpipe.dispose();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/no-such-model\.gguf/);
  });
});
