// The real offline config (examples/offline.yaml: llama.cpp with stories260K + eSpeak NG) in the browser.
// Skips, saying why, when those adapters are not built or the models folder is missing.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelFiles } from "@voxpipe/core/testing";
import { audioStats, browserSkipReason, collectPageErrors, launchChromium, numberIn, screenshot, waitForRunEnd } from "./support/browser.js";
import { startTestPlayground, type TestPlayground } from "./support/server.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const offlineConfig = path.join(root, "examples/offline.yaml");

function whySkip(): string | undefined {
  for (const pkg of ["llm-llama-cpp", "tts-espeak"]) {
    if (!existsSync(path.join(root, "packages", pkg, "dist/index.js"))) return `@voxpipe/${pkg} is not built (packages/${pkg}/dist missing; run pnpm build)`;
  }
  return modelFiles(["llm/stories260K.gguf"], { warn: false }).skipReason ?? browserSkipReason;
}
const skipReason = whySkip();
if (skipReason) console.warn(`[playground offline e2e] skipped: ${skipReason}`);

describe.skipIf(skipReason !== undefined)(`offline config in the browser${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  let browser: Browser;
  let server: TestPlayground;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startTestPlayground(offlineConfig)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.allSettled([browser?.close(), server?.stop()]);
  });

  it("speaks a story from stories260K with eSpeak NG", { timeout: 60_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await page.waitForFunction(() => /llama/i.test(document.getElementById("backends")?.textContent ?? ""));
    expect(await page.locator("#backends").textContent()).toMatch(/espeak/i);
    await page.getByTestId("prompt").fill("Once upon a time");
    await page.getByTestId("speak").click();
    await waitForRunEnd(page, "finished", 45_000);
    const stats = await audioStats(page);
    expect(stats.seconds).toBeGreaterThan(0.5);
    expect(stats.rms).toBeGreaterThan(0.01);
    expect(await numberIn(page, "ttfa-ms")).toBeGreaterThan(0);
    expect(await numberIn(page, "segments")).toBeGreaterThanOrEqual(1);
    expect((await page.getByTestId("turn-assistant").textContent())?.length).toBeGreaterThan(20);
    await page.waitForTimeout(1500);
    await screenshot(page, "offline-stories260k-espeak");
    expect(errors).toEqual([]);
    await page.close();
  });
});
