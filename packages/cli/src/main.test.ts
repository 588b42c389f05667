import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
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
    // failOnSegment counts the TTS's requests: no speed or pause measurement before the reply.
    const file = config("fail.yaml", `${doubles(", failOnSegment: 1")}pipeline: { playout: { measureTts: false }, pauses: { learn: false } }\n`);
    const { code, stdout } = await run(["say", "hello", "--config", file, "--out", out, "--json", "--quiet"]);
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
    expect(badConfig.stderr.join()).toMatch(/llm\.use: expected a string, received 3/);
    expect((await run(["nonsense"])).code).toBe(1);
  });

  it("checks --out before anything loads: a missing folder, a folder, a pipe, /dev/full and --out - on a terminal exit 1 with one line", async () => {
    const file = config("out.yaml", doubles());
    const missing = await run(["say", "x", "--config", file, "--out", path.join(dir, "no-such-folder", "a.wav")]);
    expect(missing).toMatchObject({ code: 1, stderr: [`voxpipe: --out ${path.join(dir, "no-such-folder", "a.wav")}: the folder ${path.join(dir, "no-such-folder")} does not exist; create it first (mkdir -p ${path.join(dir, "no-such-folder")})`] });
    const folder = await run(["say", "x", "--config", file, "--out", dir]);
    expect(folder).toMatchObject({ code: 1, stderr: [`voxpipe: --out ${dir}: is a folder; give a file name, e.g. --out ${path.join(dir, "voxpipe.wav")}`] });
    const fifo = path.join(dir, "a.fifo");
    execFileSync("mkfifo", [fifo]);
    const pipe = await run(["say", "x", "--config", file, "--out", fifo]);
    expect(pipe).toMatchObject({ code: 1, stderr: [`voxpipe: --out ${fifo}: is a pipe, not a file; use --out - to stream the WAV to stdout (e.g. voxpipe say … --out - | aplay)`] });
    if (existsSync("/dev/full")) {
      const full = await run(["say", "x", "--config", file, "--out", "/dev/full"]);
      expect(full).toMatchObject({ code: 1, stderr: ["voxpipe: --out /dev/full: cannot write: ENOSPC: no space left on device, write"] });
    }
    const both = await run(["say", "x", "--config", file, "--out", "-", "--json"]);
    expect(both.code).toBe(1);
    expect(both.stderr[0]).toMatch(/^voxpipe: --json prints to stdout, which --out - uses for the audio; drop one of them/);
  });

  it("takes a prompt that starts with - after -- (as the unknown-option message says), options after -- still work", async () => {
    const file = config("dash.yaml", doubles());
    const refused = await run(["say", "-5 degrees", "--config", file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr[0]).toMatch(/^voxpipe: Unknown option '-5'\. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- "-5"/);
    const out = path.join(dir, "dash.wav");
    const { code, stdout } = await run(["say", "--config", file, "--out", out, "--json", "--quiet", "--", "-5 degrees", "outside?"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout.at(-1)!)).toMatchObject({ out, segments: 3 });
  });

  it("prints model output with control characters escaped: no escape sequence reaches the terminal", async () => {
    const hostile = "Red \\u001b[31malert\\u001b[0m\\u0007 and \\u202ereversed\\u009b2J text for you.";
    const file = config("escapes.yaml", `llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "${hostile}", tokensPerSecond: 400 } }\ntts: { use: "@voxpipe/core/testing#syntheticTts", options: { sampleRate: 16000 } }\n`);
    const { code, stderr, stdout } = await run(["say", "x", "--config", file, "--out", path.join(dir, "escapes.wav"), "--json"]);
    expect(code).toBe(0);
    const segmentLine = stderr.find((line) => line.includes("segment 0:"))!;
    expect(segmentLine).toMatch(/segment 0: Red \\x1b\[31malert\\x1b\[0m\\x07 and \\u202ereversed\\x9b2J text for you\.$/);
    // eslint-disable-next-line no-control-regex
    expect(stderr.join("\n")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    // eslint-disable-next-line no-control-regex
    expect(stdout.join("\n")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
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

  it("check prints every error in one pass (core's keys and the adapters' options), exit 1", async () => {
    const file = config("check-bad.yaml", `${doubles(", voice: 3")}pipeline: { mode: fast }`);
    const { code, stderr } = await run(["config", "check", file]);
    expect(code).toBe(1);
    expect(stderr).toEqual([`voxpipe: ${file}: invalid config:\n  - pipeline.mode: expected one of "streaming", "whole", received "fast"\n  - tts.options.voice: expected a string, received 3`]);
  });

  it.each([
    ["a folder", () => dir, `voxpipe: ${dir} is a folder, not a config file. Give the path of a .yaml, .yml or .json file inside it.`],
    ["/dev/zero", () => "/dev/zero", "voxpipe: /dev/zero is a device, not a config file. Give the path of a .yaml, .yml or .json file."],
  ])("--config naming %s: exit 1 with one clear line", async (_name, target, message) => {
    const { code, stderr } = await run(["say", "hi", "--config", target(), "--out", path.join(dir, "never.wav")]);
    expect({ code, stderr }).toEqual({ code: 1, stderr: [message] });
  });

  it("schema prints a JSON Schema", async () => {
    const { code, stdout } = await run(["config", "schema"]);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout.join("\n"));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["llm", "tts", "segmenter", "pipeline"]));
  });
});
