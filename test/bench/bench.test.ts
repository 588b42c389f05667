// The benchmark suite's shape, not its figures: timings are never asserted in
// tests (this machine's load varies). Runs the two quickest parts as a user
// would, in a child process, and checks the JSON it writes.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../..");
const out = mkdtempSync(join(tmpdir(), "voxpipe-bench-test-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const number = expect.any(Number);

describe("pnpm bench", () => {
  it("runs --quick --only overhead,seedScenario and writes latest.json and latest.md of the documented shape", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(repoRoot, "bench/run.mjs"), "--", "--quick", "--only", "overhead,seedScenario", "--out", out], {
      cwd: repoRoot,
      timeout: 60_000,
    });
    expect(stdout).toContain("overhead");
    const results = JSON.parse(readFileSync(join(out, "latest.json"), "utf8"));
    expect(Object.keys(results)).toEqual(["meta", "overhead", "seedScenario"]);
    expect(results.meta).toMatchObject({ quick: true, parts: ["overhead", "seedScenario"], machine: { cpu: expect.any(String), cores: number, node: process.version } });
    expect(results.overhead).toMatchObject({ runs: number, p50Ms: number, p99Ms: number });
    expect(results.overhead.runs).toBeGreaterThanOrEqual(1);
    expect(results.seedScenario).toMatchObject({ ttfaStreamingMs: number, ttfaWholeMs: number, ratio: number });
    const md = readFileSync(join(out, "latest.md"), "utf8");
    expect(md).toContain("| overhead |");
    expect(md).toContain("Node " + process.version);
  }, 90_000);

  it("refuses an unknown part", async () => {
    await expect(promisify(execFile)(process.execPath, [join(repoRoot, "bench/run.mjs"), "--only", "nope"], { cwd: repoRoot })).rejects.toMatchObject({ code: 2 });
  });
});
