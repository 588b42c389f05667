// The pauses at segment joins are audio: a multi-segment reply's WAV from `voxpipe say` and the samples the
// playground page receives over its WebSocket (and plays) are the same, pauses included.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decodeAudioFrame } from "@voxpipe/playground";
import type { Browser } from "playwright-core";
import { main } from "voxpipe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audioStats, browserSkipReason, collectPageErrors, launchChromium, waitForRunEnd } from "./support/browser.js";
import { fixture, startTestPlayground, type TestPlayground } from "./support/server.js";

const config = fixture("pauses-doubles.yaml");
let browser: Browser;
let server: TestPlayground;

beforeAll(async () => {
  if (browserSkipReason) return;
  [browser, server] = await Promise.all([launchChromium(), startTestPlayground(config)]);
});
afterAll(async () => {
  await Promise.allSettled([browser?.close(), server?.stop()]);
});

/** The 16-bit samples of the WAV `voxpipe say` writes for the fixture's reply, and its sample rate. */
async function sayWav(): Promise<{ samples: Int16Array; sampleRate: number }> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "voxpipe-pauses-")), "reply.wav");
  const code = await main(["say", "hi", "--config", config, "--out", out, "--quiet"], { stdout: () => {}, stderr: () => {} });
  expect(code).toBe(0);
  const bytes = readFileSync(out);
  const data = bytes.subarray(44);
  return { samples: new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)), sampleRate: bytes.readUInt32LE(24) };
}

/** Runs of exact zeros at least `minFrames` long (the tone double has none of its own). */
function zeroRuns(samples: Int16Array, minFrames: number): number[] {
  const runs: number[] = [];
  let run = 0;
  for (const sample of [...samples, 1]) {
    if (sample === 0) run++;
    else {
      if (run >= minFrames) runs.push(run);
      run = 0;
    }
  }
  return runs;
}

describe.skipIf(browserSkipReason)(`pauses in the WAV and in the browser${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ""}`, () => {
  it("a multi-segment reply with pauses: the page receives exactly the WAV's samples, and plays them all", async () => {
    const wav = await sayWav();
    // Six segments: five joins, each a pause (sentence 350 ms, clause 150 ms, paragraph 550 ms ×3) as runs of zeros.
    const pausesMs = zeroRuns(wav.samples, wav.sampleRate / 10).map((frames) => Math.round((frames / wav.sampleRate) * 1000));
    expect(pausesMs.length).toBe(5);
    expect(pausesMs.sort((a, b) => a - b)).toEqual([150, 350, 550, 550, 550].map((ms) => expect.closeTo(ms, -1)));

    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    const received: Int16Array[] = [];
    page.on("websocket", (socket) =>
      socket.on("framereceived", ({ payload }) => {
        if (typeof payload !== "string") received.push(decodeAudioFrame(new Uint8Array(payload)).samples);
      }),
    );
    await page.goto(server.url);
    await page.getByTestId("status").filter({ hasText: "idle" }).waitFor();
    await page.getByTestId("prompt").fill("hi");
    await page.getByTestId("speak").click();
    await waitForRunEnd(page, "finished");
    const samples = new Int16Array(received.reduce((n, part) => n + part.length, 0));
    let offset = 0;
    for (const part of received) {
      samples.set(part, offset);
      offset += part.length;
    }
    expect(samples.length).toBe(wav.samples.length);
    expect(Buffer.from(samples.buffer).equals(Buffer.from(wav.samples.buffer))).toBe(true);
    // The page's player took every sample, pauses included.
    const played = await audioStats(page);
    expect(played.seconds).toBeCloseTo(wav.samples.length / wav.sampleRate, 3);
    expect(errors).toEqual([]);
    await page.close();
  });
});
