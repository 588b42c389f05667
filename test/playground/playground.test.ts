// Browser tests of the playground: headless Debian Chromium through playwright-core, test-double backends.
import { createServer, type Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audioStats, browserSkipReason, collectPageErrors, launchChromium, numberIn, screenshot, waitForRunEnd, waitForStatus } from "./support/browser.js";
import { fixture, startTestPlayground, type TestPlayground } from "./support/server.js";

let browser: Browser;
let server: TestPlayground;

beforeAll(async () => {
  if (browserSkipReason) return;
  [browser, server] = await Promise.all([launchChromium(), startTestPlayground(fixture("fast-doubles.yaml"))]);
});
afterAll(async () => {
  await Promise.allSettled([browser?.close(), server?.stop()]);
});

async function openPage(url = server.url, viewport = { width: 1200, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = collectPageErrors(page);
  await page.goto(url);
  await page.getByTestId("status").filter({ hasText: "idle" }).waitFor();
  await page.waitForFunction(() => document.getElementById("backends")?.textContent?.includes("LLM"));
  return { page, errors };
}

describe.skipIf(browserSkipReason)(`playground in the browser${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ""}`, () => {
  it("speaks a prompt: audio really plays, TTFA is shown and the timeline is drawn", async () => {
    const { page, errors } = await openPage();
    await page.getByTestId("prompt").fill("Tell me something short.");
    await page.getByTestId("speak").click();
    await waitForStatus(page, ["generating", "speaking"], 2000);
    await waitForRunEnd(page, "finished");
    const received = await audioStats(page);
    expect(received.seconds).toBeGreaterThan(2);
    expect(received.rms).toBeGreaterThan(0.05); // a 0.3-amplitude tone, not silence
    // Let the queued audio play out, then check the AudioContext clock moved by about that much.
    await page.waitForFunction(() => !(window as any).voxpipePlayground.audio().busy, null, { timeout: 15_000 });
    const played = await audioStats(page);
    expect(played.contextState).toBe("running");
    expect(played.contextTime - (played.firstStartTime ?? Infinity)).toBeGreaterThan(received.seconds * 0.95);
    expect(played.playedSeconds).toBeCloseTo(received.seconds, 1);

    const ttfa = await numberIn(page, "ttfa-ms");
    expect(ttfa).toBeGreaterThan(100); // firstTokenMs 150 + firstChunkMs 100, minus nothing
    expect(ttfa).toBeLessThan(5000);
    expect(await numberIn(page, "audio-seconds")).toBeCloseTo(received.seconds, 1);
    expect(await numberIn(page, "segments")).toBeGreaterThanOrEqual(2);
    // The first reply's lead is predicted from the TTS speed measured at load (0 when the TTS keeps up); it is shown.
    const lead = await numberIn(page, "playout-lead-ms");
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(lead).toBeLessThanOrEqual(1000);
    await expect.poll(() => page.getByTestId("error").isHidden()).toBe(true);

    const timeline = await page.evaluate(() => (window as any).voxpipePlayground.timeline());
    expect(timeline.tokens).toBeGreaterThan(10);
    expect(timeline.segments).toBeGreaterThanOrEqual(2);
    expect(timeline.synthesis).toBe(timeline.segments);
    expect(timeline.playback).toBe(timeline.segments);
    const painted = await page.getByTestId("timeline").evaluate((canvas: HTMLCanvasElement) => {
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && Math.abs(data[i]! - data[i + 1]!) > 40) coloured++;
      return coloured;
    });
    expect(painted).toBeGreaterThan(500);
    await screenshot(page, "speak-done");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "speak-done-phone");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Stop silences the audio within 200 ms and the server cancels the run", async () => {
    const { page, errors } = await openPage();
    const endsBefore = server.runEnds.length;
    await page.getByTestId("speak").click();
    await page.waitForFunction(() => (window as any).voxpipePlayground.audio().outputLevel > 0.05, null, { timeout: 10_000 });
    // Click Stop and time, inside the page, how long until the output is silent and nothing is queued.
    const silentAfterMs = await page.evaluate(async () => {
      const hook = (window as any).voxpipePlayground;
      const started = performance.now();
      (document.querySelector('[data-testid="stop"]') as HTMLButtonElement).click();
      while (performance.now() - started < 2000) {
        const audio = hook.audio();
        if (audio.outputLevel < 0.001 && !audio.busy) return performance.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return Infinity;
    });
    expect(silentAfterMs).toBeLessThan(200);
    await waitForStatus(page, "idle", 3000);
    await expect.poll(() => server.runEnds.length).toBe(endsBefore + 1);
    const end = server.runEnds.at(-1)!;
    expect(end.reason).toBe("stopped");
    expect(end.cancelMs).toBeLessThan(1000);
    const run = await page.evaluate(() => (window as any).voxpipePlayground.run());
    expect(run).toMatchObject({ runId: end.runId, endReason: "stopped" });
    // Nothing more arrives or plays for the stopped run.
    const after = await audioStats(page);
    await page.waitForTimeout(400);
    const later = await audioStats(page);
    expect(later.fragments).toBe(after.fragments);
    expect(later.outputLevel).toBeLessThan(0.001);
    await expect.poll(() => page.locator("#note").textContent()).toMatch(/cancelled the run in \d+ ms/);
    await screenshot(page, "stopped");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Compare runs both modes on the same prompt and shows both times to first audio", async () => {
    const { page, errors } = await openPage();
    await page.getByTestId("compare").click();
    await waitForStatus(page, ["generating", "speaking"], 2000);
    await expect.poll(() => page.getByTestId("compare-summary").textContent(), { timeout: 20_000 }).toMatch(/sooner/);
    const streaming = await numberIn(page, "compare-ttfa-streaming");
    const whole = await numberIn(page, "compare-ttfa-whole");
    expect(streaming).toBeGreaterThan(0);
    expect(whole).toBeGreaterThan(streaming); // whole waits for the full reply
    await expect(page.getByTestId("compare-summary").textContent()).resolves.toMatch(/sooner/);
    expect(await page.getByTestId("mode").inputValue()).toBe("streaming");
    await screenshot(page, "compare");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is usable from the keyboard: Ctrl+Enter speaks, Escape stops", async () => {
    const { page } = await openPage();
    await page.getByTestId("mode").selectOption("whole");
    await page.getByTestId("prompt").focus();
    await page.keyboard.press("Control+Enter");
    await waitForStatus(page, "generating", 2000);
    await page.keyboard.press("Escape");
    await waitForStatus(page, "idle", 3000);
    expect(server.runEnds.at(-1)?.reason).toBe("stopped");
    await page.close();
  });

  it("answers malformed messages from a page with an error frame and keeps the connection", async () => {
    const { page } = await openPage();
    const replies = await page.evaluate(async () => {
      const socket = new WebSocket(`ws://${location.host}/ws`);
      const received: any[] = [];
      socket.onmessage = (event) => typeof event.data === "string" && received.push(JSON.parse(event.data));
      await new Promise((resolve) => (socket.onopen = resolve));
      socket.send("this is not json");
      socket.send(JSON.stringify({ type: "run", prompt: 42 }));
      socket.send(new Uint8Array([1, 2, 3]));
      const deadline = performance.now() + 3000;
      while (received.filter((m) => m.type === "protocol-error").length < 3 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const open = socket.readyState === WebSocket.OPEN;
      socket.close();
      return { codes: received.filter((m) => m.type === "protocol-error").map((m) => m.code), open };
    });
    expect(replies).toEqual({ codes: ["bad-json", "bad-message", "binary-not-accepted"], open: true });
    await page.close();
  });

  it("refuses a WebSocket from a page on another origin", async () => {
    const other: Server = createServer((_request, response) => response.end("<!doctype html><title>other origin</title>"));
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const otherOrigin = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
    try {
      const page = await browser.newPage();
      await page.goto(otherOrigin);
      const outcome = await page.evaluate(async (wsUrl) => {
        const socket = new WebSocket(wsUrl);
        return new Promise<string>((resolve) => {
          socket.onopen = () => resolve("open");
          socket.onclose = (event) => resolve(`closed ${event.code}`);
        });
      }, `ws://127.0.0.1:${server.port}/ws`);
      expect(outcome).toBe("closed 1006");
      expect(server.refusedUpgrades).toContainEqual({ status: 403, origin: otherOrigin });
      await page.close();
    } finally {
      other.close();
    }
  });
});

describe.skipIf(browserSkipReason)("playground errors in the browser", () => {
  it("shows a failing run's error on the page", async () => {
    const failing = await startTestPlayground(fixture("failing-tts.yaml"));
    try {
      const { page } = await openPage(failing.url);
      await page.getByTestId("speak").click();
      await waitForStatus(page, "error");
      const message = await page.getByTestId("error").textContent();
      expect(message).toMatch(/tts failed \(tts-failed\): .*failOnSegment/);
      expect(await page.getByTestId("error").isVisible()).toBe(true);
      expect((await audioStats(page)).seconds).toBeGreaterThan(0); // the first segment's audio still arrived
      await expect.poll(() => failing.runEnds.at(-1)?.reason).toBe("failed");
      await screenshot(page, "run-error");
      // The server is still serving: the same page can run again (the double fails only its second request ever).
      await page.getByTestId("speak").click();
      await waitForRunEnd(page, "finished");
      expect(await page.getByTestId("error").isHidden()).toBe(true);
      await page.close();
    } finally {
      await failing.stop();
    }
  });
});
