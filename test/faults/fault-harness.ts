// Shared harness for the fault suite: run a config both through the library (events) and
// through `voxpipe say` (WAV + exit code), and check what every fault must leave behind.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PipelineEvent } from "@voxpipe/core";
import { main, openVoxpipe } from "voxpipe";
import { afterEach, beforeEach, expect } from "vitest";

export const workDir = mkdtempSync(path.join(tmpdir(), "voxpipe-faults-"));
let counter = 0;

export function writeConfig(text: string): string {
  const file = path.join(workDir, `config-${counter++}.yaml`);
  writeFileSync(file, text);
  return file;
}

/** A config with the labelled test doubles; extra YAML appended. */
export function doublesConfig(llm: Record<string, unknown>, tts: Record<string, unknown> = {}, extra = ""): string {
  // The synthetic TTS's faults count its requests: no speed measurement (one request) before the reply. The audio is
  // checked against the TTS's own length per segment: no pauses shaped at the joins (nor measured: four requests).
  const noMeasure = "playout: { measureTts: false }, pauses: { enabled: false }";
  extra = extra.includes("pipeline: {") ? extra.replace("pipeline: {", `pipeline: { ${noMeasure},`) : `${extra}pipeline: { ${noMeasure} }\n`;
  return writeConfig(
    `llm: { use: "@voxpipe/core/testing#scriptedLlm", options: ${JSON.stringify({ tokensPerSecond: 2000, ...llm })} }\n` +
      `tts: { use: "@voxpipe/core/testing#syntheticTts", options: ${JSON.stringify({ sampleRate: 16000, ...tts })} }\n` +
      `log: { level: silent }\n${extra}`,
  );
}

/** Runs one prompt through a config and collects every event, also after the run's end (there must be none). */
export async function runConfig(configFile: string, prompt: string, options: { signal?: AbortSignal } = {}): Promise<PipelineEvent[]> {
  const voxpipe = await openVoxpipe({ configFile });
  const events: PipelineEvent[] = [];
  try {
    for await (const event of voxpipe.run(prompt, options)) events.push(event);
  } finally {
    await voxpipe.dispose();
  }
  return events;
}

/** The checks every fault must pass: a typed error naming the stage, then finish, and the audio before it intact and in order. */
export function expectCleanFailure(events: PipelineEvent[], stage: string, code?: RegExp): void {
  const errors = events.filter((e) => e.type === "error");
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ stage, ...(code ? { code: expect.stringMatching(code) } : {}) });
  expect(events.at(-1)?.type).toBe("finish");
  expect(events.at(-2)?.type).toBe("error");
  expectAudioInOrder(events);
}

/** Audio events come in segment order with consecutive fragment indexes, and each finished segment's audio is complete. */
export function expectAudioInOrder(events: PipelineEvent[], msPerChar = 60): void {
  let lastSegment = -1;
  let nextFragment = 0;
  for (const event of events) {
    if (event.type !== "audio") continue;
    if (event.segmentIndex !== lastSegment) {
      expect(event.segmentIndex).toBeGreaterThan(lastSegment);
      lastSegment = event.segmentIndex;
      nextFragment = 0;
    }
    expect(event.fragmentIndex).toBe(nextFragment++);
  }
  for (const end of events) {
    if (end.type !== "segment-end") continue;
    const segment = events.find((e) => e.type === "segment" && e.index === end.segmentIndex);
    const seconds = events.reduce((n, e) => n + (e.type === "audio" && e.segmentIndex === end.segmentIndex ? e.pcm.length / e.sampleRate : 0), 0);
    if (segment?.type === "segment" && msPerChar > 0) expect(seconds).toBeCloseTo(([...segment.spoken].length * msPerChar) / 1000, 1);
  }
}

export function audioSeconds(events: PipelineEvent[]): number {
  return events.reduce((n, e) => n + (e.type === "audio" ? e.pcm.length / e.sampleRate / e.channels : 0), 0);
}

/** Runs `voxpipe say` and reads back its WAV. */
export async function say(configFile: string, prompt: string): Promise<{ code: number; summary: Record<string, any>; wavSeconds: number; wavPeak: number }> {
  const out = path.join(workDir, `say-${counter++}.wav`);
  const stdout: string[] = [];
  const code = await main(["say", prompt, "--config", configFile, "--out", out, "--json", "--quiet"], { stdout: (s) => stdout.push(s), stderr: () => {} });
  const summary = stdout.length ? JSON.parse(stdout.at(-1)!) : {};
  let wavSeconds = 0;
  let wavPeak = 0;
  try {
    const bytes = readFileSync(out);
    const dataBytes = bytes.readUInt32LE(40);
    expect(bytes.length).toBe(44 + dataBytes);
    wavSeconds = dataBytes / 2 / bytes.readUInt16LE(22) / bytes.readUInt32LE(24);
    for (let i = 44; i + 1 < bytes.length; i += 2) wavPeak = Math.max(wavPeak, Math.abs(bytes.readInt16LE(i)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return { code, summary, wavSeconds, wavPeak };
}

/** Active handles of kinds that leak (timers, sockets, servers), for before/after comparison. */
export function leakableHandles(): string[] {
  return process.getActiveResourcesInfo().filter((r) => /Timeout|TCP|Socket|Server|Pipe|Immediate/.test(r)).sort();
}

/**
 * Waits for stray work to settle (a closing socket's last timer), then checks nothing new is still
 * open. It waits for the handles to return to what was open before, up to `settleMs` (a loaded machine
 * settles later), rather than for a fixed time.
 */
export async function expectNoLeaks(before: string[], settleMs = 2000): Promise<void> {
  const count = (list: string[], kind: string) => list.filter((r) => r === kind).length;
  const settled = (list: string[]) => [...new Set(list)].every((kind) => count(list, kind) <= count(before, kind));
  const deadline = performance.now() + settleMs;
  await new Promise((resolve) => setTimeout(resolve, 50));
  let after = leakableHandles();
  while (!settled(after) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    after = leakableHandles();
  }
  for (const kind of new Set(after)) expect(count(after, kind), `open ${kind} handles`).toBeLessThanOrEqual(count(before, kind));
}

/** The reply the scripted LLM gives in most fault tests: three sentences, three segments. */
export const reply = "Here is the first sentence of the reply. Here comes the second sentence of it. And a third sentence ends the reply.";

/** Registers the leak check around every test of the calling file: no timer, socket or server left open. */
export function checkForLeaksAfterEachTest(): void {
  let before: string[] = [];
  beforeEach(() => {
    before = leakableHandles();
  });
  afterEach(async () => {
    await expectNoLeaks(before);
  });
}

/** A stalled backend must become a typed timeout error soon after `timeoutKey`'s limit, in the events and for `voxpipe say`. */
export async function expectTimeoutFailure(config: string, stage: string, timeoutKey: string, withinMs: number): Promise<void> {
  const started = performance.now();
  const events = await runConfig(config, "hello");
  expect(performance.now() - started).toBeLessThan(withinMs);
  expectCleanFailure(events, stage, /timeout/);
  expect(events.find((e) => e.type === "error")).toMatchObject({ message: expect.stringContaining(timeoutKey) });
  expect((await say(config, "hello")).code).toBe(2);
}
