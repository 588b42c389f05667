import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { segmentCommand } from "./commands/segment.js";
import { main } from "./main.js";

const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-cli-"));

function config(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function run(argv: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (s) => stdout.push(s), stderr: (s) => stderr.push(s) });
  return { code, stdout, stderr };
}

/** Reads a 16-bit PCM WAV: format and samples. */
function readWav(file: string): { sampleRate: number; channels: number; samples: Int16Array; dataBytes: number } {
  const bytes = readFileSync(file);
  expect(bytes.toString("ascii", 0, 4)).toBe("RIFF");
  expect(bytes.toString("ascii", 8, 12)).toBe("WAVE");
  const dataBytes = bytes.readUInt32LE(40);
  expect(bytes.readUInt32LE(4)).toBe(36 + dataBytes);
  expect(bytes.length).toBe(44 + dataBytes);
  const samples = new Int16Array(bytes.buffer.slice(bytes.byteOffset + 44, bytes.byteOffset + 44 + dataBytes));
  return { sampleRate: bytes.readUInt32LE(24), channels: bytes.readUInt16LE(22), samples, dataBytes };
}

const reply = "Sure! Here is a short answer for you. It has three sentences in it. This is the last one.";
const doubles = (ttsOptions = "", llmOptions = "") =>
  `llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "${reply}", tokensPerSecond: 400${llmOptions} } }\n` +
  `tts: { use: "@voxpipe/core/testing#syntheticTts", options: { sampleRate: 16000${ttsOptions} } }\n`;

describe("voxpipe say", () => {
  it("writes a WAV of the whole reply and prints a JSON summary as the last stdout line", async () => {
    const out = path.join(dir, "ok.wav");
    const { code, stdout, stderr } = await run(["say", "hello", "--config", config("ok.yaml", doubles()), "--out", out, "--json"]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout.at(-1) ?? "{}");
    expect(summary).toMatchObject({ mode: "streaming", segments: 3, gapMs: expect.any(Number) });
    for (const key of ["ttftMs", "firstSegmentMs", "ttfaMs", "totalMs", "audioSeconds"]) expect(summary[key]).toBeGreaterThan(0);
    const wav = readWav(out);
    expect(wav.sampleRate).toBe(16000);
    // The synthetic TTS makes 60 ms of tone per character.
    expect(wav.samples.length / 16000).toBeCloseTo(summary.audioSeconds, 2);
    expect(summary.audioSeconds).toBeGreaterThan(reply.replace(/\s+/g, " ").length * 0.06 * 0.9);
    expect(stderr.join("\n")).toMatch(/segment 0: Sure! Here is a short answer for you\./);
  });

  it("holds the first audio by a fixed playout lead from the config and says so", async () => {
    const out = path.join(dir, "lead.wav");
    const file = config("lead.yaml", `${doubles()}pipeline: { playout: { lead: 120 } }\n`);
    const { code, stdout, stderr } = await run(["say", "hello", "--config", file, "--out", out, "--json"]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout.at(-1) ?? "{}");
    expect(summary.playoutLeadMs).toBe(120);
    expect(summary.ttfaMs).toBeGreaterThanOrEqual(120);
    expect(stderr.join("\n")).toMatch(/held 120 ms as playout lead/);
  });

  it("accepts a leading -- (pnpm passes it through) and --mode whole", async () => {
    const out = path.join(dir, "whole.wav");
    const { code, stdout } = await run(["--", "say", "hello", "--", "--config", config("whole.yaml", doubles()), "--out", out, "--json", "--mode", "whole", "--quiet"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.at(-1)!)).toMatchObject({ mode: "whole", segments: 1 });
  });

  it("a TTS failure mid-reply: exit 2, the error in the summary, the WAV holds the audio before it", async () => {
    const out = path.join(dir, "fail.wav");
    const { code, stdout } = await run(["say", "hello", "--config", config("fail.yaml", doubles(", failOnSegment: 1")), "--out", out, "--json", "--quiet"]);
    expect(code).toBe(2);
    const summary = JSON.parse(stdout.at(-1)!);
    expect(summary.error).toMatchObject({ stage: "tts", code: "tts-failed" });
    const wav = readWav(out);
    const firstSegmentSeconds = ("Sure! Here is a short answer for you.".length * 60) / 1000;
    expect(wav.samples.length / 16000).toBeGreaterThanOrEqual(firstSegmentSeconds - 0.01);
    expect(wav.samples.some((s) => Math.abs(s) > 1000)).toBe(true);
  });

  it("an LLM dropping mid-reply: exit 2, stage llm", async () => {
    const out = path.join(dir, "drop.wav");
    const { code, stdout } = await run(["say", "hello", "--config", config("drop.yaml", doubles("", ", failAfterChars: 50")), "--out", out, "--json", "--quiet"]);
    expect(code).toBe(2);
    expect(JSON.parse(stdout.at(-1)!).error).toMatchObject({ stage: "llm" });
    expect(readWav(out).samples.length).toBeGreaterThan(0);
  });

  it("bad input exits 1 with a message", async () => {
    expect((await run(["say"])).code).toBe(1);
    expect((await run(["say", "x", "--mode", "fast"])).stderr.join()).toMatch(/--mode: expected streaming or whole/);
    expect((await run(["say", "x", "--bogus"])).code).toBe(1);
    const badConfig = await run(["say", "x", "--config", config("bad.yaml", "llm: { use: 3 }")]);
    expect(badConfig.code).toBe(1);
    expect(badConfig.stderr.join()).toMatch(/llm\.use: expected string, received number/);
    expect((await run(["nonsense"])).code).toBe(1);
  });

  it("--help on every command", async () => {
    for (const argv of [["--help"], ["say", "--help"], ["config", "--help"], ["segment", "--help"]]) {
      const { code, stdout } = await run(argv);
      expect(code).toBe(0);
      expect(stdout.join()).toMatch(/Usage/);
    }
  });
});

describe("voxpipe config", () => {
  it("check prints the resolved config with adapter defaults, exit 0", async () => {
    const { code, stdout } = await run(["config", "check", config("check.yaml", doubles())]);
    expect(code).toBe(0);
    const resolved = JSON.parse(stdout.join("\n"));
    expect(resolved.tts.options).toMatchObject({ sampleRate: 16000, realTimeFactor: 0 });
    expect(resolved.pipeline.ttsConcurrency).toBe(2);
  });

  it("check prints every error, exit 1", async () => {
    const { code, stderr } = await run(["config", "check", config("check-bad.yaml", `${doubles(", voice: 3")}pipeline: { mode: fast }`)]);
    expect(code).toBe(1);
    expect(stderr.join()).toMatch(/pipeline\.mode/);
  });

  it("schema prints a JSON Schema", async () => {
    const { code, stdout } = await run(["config", "schema"]);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout.join("\n"));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["llm", "tts", "segmenter", "pipeline"]));
  });
});

describe("voxpipe segment", () => {
  it("prints one segment per line as text arrives", async () => {
    const lines: string[] = [];
    const input = Readable.from(["Hello there, this is the first ", "sentence. And here ", "comes the second one!\nA new line."]);
    const code = await segmentCommand(["--max", "60"], { stdout: (s) => lines.push(s) }, input);
    expect(code).toBe(0);
    expect(lines).toEqual(["Hello there, this is the first sentence.", "And here comes the second one!", "A new line."]);
  });
});
