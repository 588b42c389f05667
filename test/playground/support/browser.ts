import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

/** Debian's Chromium, or $CHROMIUM_PATH. Never a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Why the browser tests skip: Chromium is not installed (a fresh machine with only Node and npm).
 * Undefined when it is there, and when $VOXPIPE_REQUIRE_CHROMIUM is set (CI), so a missing browser fails there.
 */
export const browserSkipReason =
  existsSync(chromiumPath) || process.env.VOXPIPE_REQUIRE_CHROMIUM
    ? undefined
    : `needs Chromium at ${chromiumPath}: install it with "apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium binary`;
if (browserSkipReason) console.warn(`[playground browser tests] skipping: ${browserSkipReason}`);

/** Where the browser tests leave screenshots for a person to look at (gitignored). */
export const screenshotDir = fileURLToPath(new URL("../screenshots/", import.meta.url));

/** Launches headless Chromium with flags that keep it quiet and offline; playwright gives it a fresh temporary profile. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. Install it with "apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium binary.`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Saves a full-page screenshot as screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Collects the page's console errors and uncaught exceptions, so a test can assert there were none. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** What the page's test hook (window.voxpipePlayground) reports. */
export interface PageAudioStats {
  fragments: number;
  seconds: number;
  rms: number;
  peak: number;
  playedSeconds: number;
  firstStartTime: number | null;
  scheduledUntil: number;
  contextTime: number;
  contextState: string;
  busy: boolean;
  outputLevel: number;
}

export function audioStats(page: Page): Promise<PageAudioStats> {
  return page.evaluate(() => (window as unknown as { voxpipePlayground: { audio(): PageAudioStats } }).voxpipePlayground.audio());
}

export type PageStatus = "idle" | "generating" | "speaking" | "error";

/** Waits until the status shows `status` (or one of them). */
export async function waitForStatus(page: Page, status: PageStatus | PageStatus[], timeout = 15_000): Promise<void> {
  const any = Array.isArray(status) ? status : [status];
  await page.getByTestId("status").filter({ hasText: new RegExp(`^(${any.join("|")})$`) }).waitFor({ timeout });
}

/** Waits until the page's current run has ended for `reason` on the server (its audio may still be playing). */
export async function waitForRunEnd(page: Page, reason: "finished" | "failed" | "stopped", timeout = 15_000): Promise<void> {
  await page.waitForFunction((wanted) => (window as any).voxpipePlayground.run()?.endReason === wanted, reason, { timeout });
}

/** Reads a number shown in a data-testid element. */
export async function numberIn(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).textContent())?.trim());
}
