// The playground as a voice chat, in headless Chromium: the real openai client against a local Chat Completions
// server that records each request, and the real eSpeak NG (with word timings for captions).
import { startFakeChatServer, type FakeChatServer } from "@voxpipe/core/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audioStats, browserSkipReason, collectPageErrors, launchChromium, screenshot, waitForRunEnd, waitForStatus } from "./support/browser.js";
import { fixture, startTestPlayground, type TestPlayground } from "./support/server.js";

const replies: Record<string, string> = {
  "What is a rainbow?": "A rainbow is sunlight split into its colours by raindrops. Each drop acts like a tiny prism.",
  "Why is it curved?":
    "It is curved because each colour leaves the drops at its own angle. Those angles trace a circle around the point opposite the sun. The ground hides the lower half of that circle, so you see an arc.",
  "Tell me a long story.":
    "Once upon a time a lighthouse keeper lived alone on a rock in the sea. Every night he climbed the stairs and lit the lamp. Ships passed safely for many years. One winter a storm broke the lamp. The keeper held a lantern in the window all night. In the morning a fishing boat came to thank him.",
};
const fallback = "All right. Here is the next part of the answer.";

let browser: Browser;
let server: TestPlayground;
let llm: FakeChatServer;

beforeAll(async () => {
  if (browserSkipReason) return;
  llm = await startFakeChatServer((messages) => replies[messages.at(-1)?.content ?? ""] ?? fallback);
  [browser, server] = await Promise.all([launchChromium(), startTestPlayground(fixture("chat-espeak.yaml"), { ...process.env, OPENAI_BASE_URL: llm.baseURL, OPENAI_API_KEY: "sk-test" })]);
}, 60_000);
afterAll(async () => {
  await Promise.allSettled([browser?.close(), server?.stop(), llm?.close()]);
});

async function openPage(viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = collectPageErrors(page);
  await page.goto(server.url);
  await page.getByTestId("status").filter({ hasText: "idle" }).waitFor();
  await page.waitForFunction(() => document.getElementById("backends")?.textContent?.includes("espeak"));
  return { page, errors };
}

async function say(page: Page, text: string): Promise<void> {
  await page.getByTestId("prompt").fill(text);
  await page.getByTestId("speak").click();
}

const hook = <T>(page: Page, name: string): Promise<T> => page.evaluate((n) => (window as any).voxpipePlayground[n](), name);
const idle = (page: Page, timeout = 30_000) => page.waitForFunction(() => !(window as any).voxpipePlayground.audio().busy && document.querySelector('[data-testid="status"]')?.textContent === "idle", null, { timeout });

describe.skipIf(browserSkipReason)(`the playground as a voice chat${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ""}`, () => {
  it("a conversation: the second request carries the first turn, captions follow the audio word by word, a new turn barges in", { timeout: 120_000 }, async () => {
    const { page, errors } = await openPage();
    const before = llm.chats().length;
    await say(page, "What is a rainbow?");
    await waitForRunEnd(page, "finished");
    await waitForStatus(page, "speaking");

    // Captions: while the reply plays, the highlighted word moves on (eSpeak gives word timings).
    const seen: Array<{ segmentIndex: number | null; word: string | null }> = [];
    for (let i = 0; i < 12; i++) {
      const caption = await hook<{ segmentIndex: number | null; word: string | null } | null>(page, "caption");
      if (caption) seen.push({ segmentIndex: caption.segmentIndex, word: caption.word });
      await page.waitForTimeout(150);
    }
    const words = new Set(seen.map((c) => c.word).filter((w) => w !== null));
    expect(words.size).toBeGreaterThanOrEqual(4);
    expect(await page.getByTestId("caption-word").count()).toBeLessThanOrEqual(1);
    await idle(page);

    await say(page, "Why is it curved?");
    await waitForRunEnd(page, "finished");
    const second = llm.chats()[before + 1];
    expect(second).toEqual([
      { role: "system", content: "You are a friendly voice assistant." },
      { role: "user", content: "What is a rainbow?" },
      { role: "assistant", content: replies["What is a rainbow?"] },
      { role: "user", content: "Why is it curved?" },
    ]);

    // Barge-in by a new turn while the second reply still plays: it is stopped first, kept up to what was heard.
    await page.waitForFunction(() => ((window as any).voxpipePlayground.caption()?.heardChars ?? 0) > 20, null, { timeout: 10_000 });
    await say(page, "Thanks, that is enough.");
    await waitForRunEnd(page, "finished");
    const third = llm.chats()[before + 2]!;
    const interrupted = third[4]!;
    expect(interrupted.role).toBe("assistant");
    expect(interrupted.content.endsWith("…")).toBe(true);
    expect(replies["Why is it curved?"]!.startsWith(interrupted.content.slice(0, -1).trimEnd())).toBe(true);
    expect(interrupted.content.length).toBeLessThan(replies["Why is it curved?"]!.length);
    const conversation = await hook<Array<{ role: string; interrupted?: boolean }>>(page, "conversation");
    expect(conversation.map((t) => t.role)).toEqual(["user", "assistant", "user", "assistant", "user", "assistant"]);
    expect(conversation[3]?.interrupted).toBe(true);
    expect(await page.getByTestId("interrupted").count()).toBe(1);

    // Three turns on screen, at desktop and phone size (screenshots for a person; not committed).
    await screenshot(page, "conversation-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await screenshot(page, "conversation-phone");
    await idle(page);

    await page.getByTestId("new-conversation").click();
    // The page clears the transcript when the server confirms (conversation-cleared): wait for that round trip.
    await expect.poll(() => page.getByTestId("turn-user").count(), { timeout: 5_000 }).toBe(0);
    await say(page, "What is a rainbow?");
    await waitForRunEnd(page, "finished");
    expect(llm.chats().at(-1)).toEqual([
      { role: "system", content: "You are a friendly voice assistant." },
      { role: "user", content: "What is a rainbow?" },
    ]);
    await page.getByTestId("stop").click();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Stop pressed while a finished reply still plays silences it within 200 ms, and the conversation keeps what was heard", { timeout: 60_000 }, async () => {
    const { page, errors } = await openPage();
    await say(page, "Tell me a long story.");
    await waitForRunEnd(page, "finished");
    // The server is done; the story still plays for several seconds.
    await page.waitForFunction(() => (window as any).voxpipePlayground.audio().outputLevel > 0.01 && ((window as any).voxpipePlayground.caption()?.heardChars ?? 0) > 30, null, { timeout: 10_000 });
    expect(await page.getByTestId("stop").isEnabled()).toBe(true);
    expect(await page.getByTestId("status").textContent()).toBe("speaking");
    const silentAfterMs = await page.evaluate(async () => {
      const playground = (window as any).voxpipePlayground;
      const started = performance.now();
      (document.querySelector('[data-testid="stop"]') as HTMLButtonElement).click();
      while (performance.now() - started < 2000) {
        const audio = playground.audio();
        if (audio.outputLevel < 0.001 && !audio.busy) return performance.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return Infinity;
    });
    expect(silentAfterMs).toBeLessThan(200);
    await waitForStatus(page, "idle", 2000);
    const fragments = (await audioStats(page)).fragments;
    await page.waitForTimeout(300);
    expect((await audioStats(page)).outputLevel).toBeLessThan(0.001);
    expect((await audioStats(page)).fragments).toBe(fragments);

    await say(page, "Go on.");
    await waitForRunEnd(page, "finished");
    const kept = llm.chats().at(-1)![2]!;
    expect(kept.role).toBe("assistant");
    expect(kept.content.endsWith("…")).toBe(true);
    expect(kept.content.length).toBeGreaterThan(30);
    expect(kept.content.length).toBeLessThan(replies["Tell me a long story."]!.length);
    await page.getByTestId("stop").click();
    expect(errors).toEqual([]);
    await page.close();
  });
});
