import { describe, expect, it } from "vitest";
import { audioSeconds, doublesConfig, expectAudioInOrder, expectCleanFailure, runConfig, say, writeConfig, checkForLeaksAfterEachTest, expectTimeoutFailure, reply } from "./fault-harness.js";
import { closedPort, startSseServer, type SseFault } from "./sse-server.js";

checkForLeaksAfterEachTest();

const openaiConfig = (baseURL: string) =>
  writeConfig(
    `llm: { use: "@voxpipe/llm-openai", options: { baseURL: "${baseURL}", model: "m", apiKey: "sk-test-secret", retries: 0, connectTimeoutMs: 2000 } }\n` +
      `tts: { use: "@voxpipe/core/testing#syntheticTts", options: { sampleRate: 16000 } }\nlog: { level: silent }\n` +
      // Each segment's audio is checked against the TTS's own length: no pauses shaped at the joins.
      `pipeline: { pauses: { enabled: false } }\n`,
  );

describe("LLM faults", () => {
  it("connection refused: a typed llm error naming the URL; the API key never appears", async () => {
    const port = await closedPort();
    const config = openaiConfig(`http://127.0.0.1:${port}/v1`);
    const events = await runConfig(config, "hello");
    expectCleanFailure(events, "llm");
    const error = events.find((e) => e.type === "error");
    expect(error?.type === "error" && error.message).toContain(`127.0.0.1:${port}`);
    expect(JSON.stringify(events.filter((e) => e.type !== "audio"))).not.toContain("sk-test-secret");
    const { code, summary } = await say(config, "hello");
    expect(code).toBe(2);
    expect(summary.error.stage).toBe("llm");
  });

  const network: [SseFault, RegExp][] = [
    ["drop", /dropped|stream/],
    ["garbage", /malformed/],
  ];
  for (const [fault, code] of network) {
    it(`the server's stream ${fault === "drop" ? "drops mid-reply" : "sends a garbage line"}: the sentences before it are spoken, then a typed llm error`, async () => {
      const server = await startSseServer(fault);
      try {
        const config = openaiConfig(server.url);
        const events = await runConfig(config, "hello");
        expectCleanFailure(events, "llm", code);
        expect(events.filter((e) => e.type === "segment-end").length).toBeGreaterThanOrEqual(1);
        expect(audioSeconds(events)).toBeGreaterThan(1);
        const wav = await say(config, "hello");
        expect(wav.code).toBe(2);
        expect(wav.wavSeconds).toBeCloseTo(wav.summary.audioSeconds, 2);
        expect(wav.wavSeconds).toBeGreaterThan(1);
        expect(wav.wavPeak).toBeGreaterThan(1000);
      } finally {
        await server.close();
      }
    });
  }

  it("invalid UTF-8 inside the stream is decoded to replacement characters, never a crash", async () => {
    const server = await startSseServer("invalid-utf8");
    try {
      const events = await runConfig(openaiConfig(server.url), "hello");
      const text = events.map((e) => (e.type === "text-delta" ? e.text : "")).join("");
      expect(text).toContain("bad");
      expect(events.at(-1)?.type).toBe("finish");
      expectAudioInOrder(events);
    } finally {
      await server.close();
    }
  });

  it("a scripted drop mid-reply (failAfterChars): typed error, audio before it intact, WAV exit 2", async () => {
    const config = doublesConfig({ text: reply, failAfterChars: 60 });
    expectCleanFailure(await runConfig(config, "hello"), "llm", /dropped/);
    const wav = await say(config, "hello");
    expect(wav.code).toBe(2);
    expect(wav.wavSeconds).toBeGreaterThan(2);
  });

  it("no token before the first-token timeout", async () => {
    const config = doublesConfig({ text: reply, firstTokenMs: 10_000 }, {}, "pipeline: { timeouts: { llmFirstTokenMs: 100 } }\n");
    await expectTimeoutFailure(config, "llm", "llmFirstTokenMs", 3000);
  });

  it("a stall between tokens", async () => {
    const config = doublesConfig({ text: reply, stallAfterChars: 70 }, {}, "pipeline: { timeouts: { llmIdleMs: 150 } }\n");
    const events = await runConfig(config, "hello");
    expectCleanFailure(events, "llm", /timeout/);
    expect(events.filter((e) => e.type === "segment-end").length).toBeGreaterThanOrEqual(1);
    const wav = await say(config, "hello");
    expect(wav.code).toBe(2);
    expect(wav.wavSeconds).toBeGreaterThan(1);
  });
});
