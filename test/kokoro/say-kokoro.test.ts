// Kokoro from a config, as a user runs it: `voxpipe say --config FILE --out FILE` with `use: "@voxpipe/tts-kokoro"`
// resolved by the registry, on the test model the package generates (no weights committed, nothing downloaded).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { writeTestModel } from "@voxpipe/tts-kokoro/scripts/make-test-model.mjs";

const bin = fileURLToPath(new URL("../../packages/cli/dist/bin.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "voxpipe-kokoro-say-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("voxpipe say with @voxpipe/tts-kokoro", () => {
  it("writes the reply's audio as a 24 kHz WAV, one run per sentence", async () => {
    writeTestModel(dir);
    const config = join(dir, "kokoro.yaml");
    writeFileSync(
      config,
      [
        'llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Hello there. How are you today?", tokensPerSecond: 1000 } }',
        'tts: { use: "@voxpipe/tts-kokoro", options: { model: model.onnx, voice: af_test } }',
        "",
      ].join("\n"),
    );
    const out = join(dir, "reply.wav");
    const { stdout } = await promisify(execFile)(process.execPath, [bin, "say", "x", "--config", config, "--out", out, "--json", "--quiet"], {
      timeout: 60_000,
      env: { ...process.env, VOXPIPE_LOG_LEVEL: "warn" },
    });
    const summary = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
    expect(summary).toMatchObject({ segments: 2, out });
    const wav = readFileSync(out);
    expect(wav.readUInt32LE(24)).toBe(24000); // sample rate
    // "həlˈoʊ ðˈɛɹ." is 12 ids and "hˌaʊ ɑːɹ juː tədˈeɪ?" 20: (12 + 2 + 20 + 2) × 1200 samples, 16-bit mono
    expect(wav.length - 44).toBe((12 + 2 + 20 + 2) * 1200 * 2);
  });
});
