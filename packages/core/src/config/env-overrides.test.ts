import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors/voxpipe-error.js";
import { loadConfig } from "./load-config.js";

const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-env-"));
const config = path.join(dir, "voxpipe.config.yaml");
writeFileSync(config, "log: { level: warn }\n");

async function issues(env: Record<string, string>): Promise<readonly string[]> {
  const error = await loadConfig(config, { env }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).message.startsWith(`${config}: invalid config:\n  - `)).toBe(true);
  return (error as ConfigError).issues;
}

describe("a bad environment override names the variable, not the config key", () => {
  it.each([
    [{ TTS_MAX_SEGMENT_LENGTH: "-1" }, 'TTS_MAX_SEGMENT_LENGTH="-1" (environment variable, sets segmenter.maxLength): expected a number of at least 1, received -1'],
    [
      { FRAGMENT_INTERVAL: "0.001" },
      'FRAGMENT_INTERVAL="0.001" (environment variable, sets pipeline.fragments.intervalMs; given in seconds, the key is in ms): expected a number of at least 20, received 1',
    ],
    [{ VOXPIPE_TTS_CONCURRENCY: "0" }, 'VOXPIPE_TTS_CONCURRENCY="0" (environment variable, sets pipeline.ttsConcurrency): expected a number of at least 1, received 0'],
    [{ VOXPIPE_MODE: "fast" }, 'VOXPIPE_MODE="fast" (environment variable, sets pipeline.mode): expected one of "streaming", "whole", received "fast"'],
    [{ RETURN_FRAGMENT: "maybe" }, 'RETURN_FRAGMENT="maybe" (environment variable, sets pipeline.fragments.enabled): expected true or false (also 1/0, yes/no, on/off)'],
    [{ VOXPIPE_TTS_CONCURRENCY: "two" }, 'VOXPIPE_TTS_CONCURRENCY="two" (environment variable, sets pipeline.ttsConcurrency): expected a whole number'],
    [{ FRAGMENT_INTERVAL: "-3" }, 'FRAGMENT_INTERVAL="-3" (environment variable, sets pipeline.fragments.intervalMs; given in seconds, the key is in ms): expected a number of seconds above 0 (e.g. 0.3)'],
    [
      { TTS_MAX_SEGMENT_LENGTH: "5" },
      'TTS_MAX_SEGMENT_LENGTH="5" (environment variable, sets segmenter.maxLength): maxLength (5) is below minLength (20); give a maxLength of at least 20, or lower minLength to 5 or less',
    ],
  ])("%j", async (env, line) => {
    expect(await issues(env)).toEqual([line]);
  });

  it("every bad variable at once", async () => {
    expect(await issues({ VOXPIPE_MODE: "fast", VOXPIPE_TTS_CONCURRENCY: "0", RETURN_FRAGMENT: "maybe" })).toHaveLength(3);
  });
});
