// The real `voxpipe` command, stopped mid-run by each signal and by a closed stderr pipe:
// the WAV on disk is valid and holds the audio before the interruption, sample for sample.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { STREAMED_WAV_SIZE } from "@voxpipe/core";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-say-signals-"));
// Test doubles (deterministic): ~7.8 s of tone rendered at half real time, in 100 ms fragments, exactly as the
// TTS made it (no pauses shaped at the joins). Cut by fixed rules (adaptive and eager cuts off): those follow the
// measured LLM and TTS rates, so under load two runs could cut differently, and each segment's tone starts afresh.
const config = path.join(dir, "doubles.yaml");
writeFileSync(
  config,
  `llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Sure! Here is a short answer for you. It has three sentences in it. This is the last one, and it is a little longer than the others.", tokensPerSecond: 60 } }\n` +
    `tts: { use: "@voxpipe/core/testing#syntheticTts", options: { sampleRate: 16000, realTimeFactor: 0.5, chunkMs: 100 } }\n` +
    `segmenter: { adaptive: false, eagerFirstSegment: false }\n` +
    `pipeline: { pauses: { enabled: false } }\n`,
);

interface Wav {
  declaredDataBytes: number;
  samples: Int16Array;
}

/** Parses a 16-bit mono 16 kHz WAV strictly: magic, format, and a data size that the file holds. */
function parseWav(bytes: Buffer, streamed = false): Wav {
  expect(bytes.length).toBeGreaterThanOrEqual(44);
  expect(bytes.toString("ascii", 0, 4)).toBe("RIFF");
  expect(bytes.toString("ascii", 8, 16)).toBe("WAVEfmt ");
  expect([bytes.readUInt16LE(20), bytes.readUInt16LE(22), bytes.readUInt32LE(24), bytes.readUInt16LE(34)]).toEqual([1, 1, 16000, 16]);
  expect(bytes.toString("ascii", 36, 40)).toBe("data");
  const declaredDataBytes = bytes.readUInt32LE(40);
  if (streamed) {
    expect([bytes.readUInt32LE(4), declaredDataBytes]).toEqual([STREAMED_WAV_SIZE, STREAMED_WAV_SIZE]);
  } else {
    expect(bytes.readUInt32LE(4)).toBe(36 + declaredDataBytes);
    expect(44 + declaredDataBytes).toBeLessThanOrEqual(bytes.length);
  }
  const dataBytes = streamed ? bytes.length - 44 : declaredDataBytes;
  const samples = new Int16Array(bytes.buffer.slice(bytes.byteOffset + 44, bytes.byteOffset + 44 + dataBytes));
  return { declaredDataBytes, samples };
}

interface Exit {
  code: number | null;
  stderr: string;
  stdout: Buffer;
}

/** Runs the command; `interrupt` is called once the WAV holds `afterBytes` of audio. */
function runSay(args: string[], options: { out?: string; afterBytes?: number; interrupt?: (pid: number) => void; shell?: string } = {}): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const command = options.shell ? ["bash", ["-c", options.shell]] as const : [process.execPath, [bin, "say", "hello", "--config", config, ...args]] as const;
    const child = spawn(command[0], command[1], { stdio: ["ignore", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    let poll: NodeJS.Timeout | undefined;
    if (options.interrupt && options.out) {
      const { out, afterBytes = 0, interrupt } = options;
      poll = setInterval(() => {
        if (existsSync(out) && statSync(out).size >= 44 + afterBytes) {
          clearInterval(poll);
          interrupt(child.pid!);
        }
      }, 5);
    }
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      resolve({ code, stderr, stdout: Buffer.concat(stdout) });
    });
  });
}

describe.skipIf(!existsSync(bin))("voxpipe say, interrupted (the built command)", () => {
  let reference: Int16Array;
  beforeAll(async () => {
    const out = path.join(dir, "reference.wav");
    const { code } = await runSay(["--out", out, "--quiet"]);
    expect(code).toBe(0);
    reference = parseWav(readFileSync(out)).samples;
    expect(reference.length).toBe(Math.round(7.8 * 16000));
  }, 30_000);

  /** The WAV is valid, shorter than the whole reply, and every sample it holds equals the uninterrupted run's. */
  function expectIntactPrefix(wav: Wav): void {
    expect(wav.samples.length).toBeLessThan(reference.length);
    expect(Buffer.from(wav.samples.buffer).equals(Buffer.from(reference.buffer, 0, wav.samples.byteLength))).toBe(true);
  }

  const cases: Array<{ name: string; signals: NodeJS.Signals[]; code: number }> = [
    { name: "SIGTERM", signals: ["SIGTERM"], code: 143 },
    { name: "SIGHUP", signals: ["SIGHUP"], code: 129 },
    { name: "SIGINT", signals: ["SIGINT"], code: 130 },
    { name: "a second SIGINT at once", signals: ["SIGINT", "SIGINT"], code: 130 },
  ];
  for (const { name, signals, code } of cases) {
    it(`${name} mid-run: exit ${code}, a valid WAV with the audio before it intact`, async () => {
      const out = path.join(dir, `${name.replace(/\W+/g, "-")}.wav`);
      // The second SIGINT goes 2 ms after the first (two at once can merge into one delivery).
      const interrupt = (pid: number): void => signals.forEach((signal, i) => setTimeout(() => process.kill(pid, signal), i * 2));
      const exit = await runSay(["--out", out], { out, afterBytes: 16000 * 2, interrupt });
      expect(exit.code).toBe(code);
      const wav = parseWav(readFileSync(out));
      expect(wav.samples.length).toBeGreaterThanOrEqual(16000);
      expectIntactPrefix(wav);
      if (signals.length === 1) {
        expect(exit.stderr).toContain(`(interrupted by ${signals[0]})`);
        expect(44 + wav.declaredDataBytes).toBe(statSync(out).size);
      }
    });
  }

  it("stderr closed by its reader (`voxpipe say … 2>&1 | head -c 150`): exit 2, a valid WAV with the audio before it intact", async () => {
    const out = path.join(dir, "epipe.wav");
    const sayCommand = [process.execPath, bin, "say", "hello", "--config", config, "--out", out].map((word) => `'${word}'`).join(" ");
    const exit = await runSay([], { shell: `${sayCommand} 2>&1 | head -c 150 > /dev/null; exit "\${PIPESTATUS[0]}"` });
    expect(exit.code).toBe(2);
    expect(exit.stderr).toBe("");
    const wav = parseWav(readFileSync(out));
    expect(44 + wav.declaredDataBytes).toBe(statSync(out).size);
    expectIntactPrefix(wav);
  });

  it("--out - streams the WAV to stdout: streamed sizes in the header, then the same samples as a file run", async () => {
    const exit = await runSay(["--out", "-", "--quiet"]);
    expect(exit.code).toBe(0);
    const wav = parseWav(exit.stdout, true);
    expect(Buffer.from(wav.samples.buffer).equals(Buffer.from(reference.buffer))).toBe(true);
  });
});
