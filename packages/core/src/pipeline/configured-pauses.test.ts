import { describe, expect, it } from "vitest";
import { createLogger } from "../logging/logger.js";
import { createSyntheticTts } from "../testing/synthetic-tts.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import { configuredPauses, learnPauses } from "./configured-pauses.js";
import { pausesConfigSchema } from "./pause-settings-schema.js";
import { PAUSE_PROBES } from "./pause-profile.js";

/** A TEST DOUBLE tone TTS that counts its requests. */
function countingTts(options: Parameters<typeof createSyntheticTts>[0] = {}): TtsProvider & { requests: number } {
  const tts = createSyntheticTts(options);
  const counting = {
    ...tts,
    requests: 0,
    synthesize(request: Parameters<TtsProvider["synthesize"]>[0]) {
      counting.requests++;
      return tts.synthesize(request);
    },
  };
  return counting;
}

describe("the config's pipeline.pauses in a run", () => {
  it("enabled: false turns shaping off; set lengths pass through with what was learned", () => {
    expect(configuredPauses(pausesConfigSchema.parse({ enabled: false, sentenceMs: 300 }))).toBe(false);
    const learned = { sentenceMs: 290, leadingMs: 0, trailingMs: 7, silenceThreshold: 0.004 };
    expect(configuredPauses(pausesConfigSchema.parse({ clauseMs: 120 }), learned)).toEqual({ clauseMs: 120, learned });
    expect(configuredPauses(pausesConfigSchema.parse(undefined))).toEqual({});
  });

  it("learns only when enabled and asked to, logging what it learned; a voice without pauses keeps the defaults", async () => {
    const lines: string[] = [];
    const logger = createLogger("info", (line) => lines.push(line));
    const tts = countingTts();
    expect(await learnPauses(tts, pausesConfigSchema.parse({ learn: false }), logger)).toBeUndefined();
    expect(await learnPauses(tts, pausesConfigSchema.parse({ enabled: false }), logger)).toBeUndefined();
    expect(tts.requests).toBe(0);
    // The tone double never pauses: no class is learned.
    const profile = await learnPauses(tts, pausesConfigSchema.parse({}), logger);
    expect(tts.requests).toBe(Object.keys(PAUSE_PROBES).length);
    expect(profile).toMatchObject({ leadingMs: expect.any(Number), trailingMs: expect.any(Number) });
    expect(profile?.sentenceMs).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/^\[voxpipe\] info: TTS synthetic-tts \(test double\): pauses learned — sentence not measurable \(default\), clause not measurable/)]);
  });

  it("a failed measurement is a warning, and the defaults apply", async () => {
    const lines: string[] = [];
    const profile = await learnPauses(createSyntheticTts({ silentOnSegment: 0 }), pausesConfigSchema.parse({}), createLogger("info", (line) => lines.push(line)));
    expect(profile).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/^\[voxpipe\] warn: TTS synthetic-tts \(test double\): could not measure its pauses \(.*produced no sound.*\); the default pauses apply\.$/)]);
  });
});
