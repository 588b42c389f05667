import { describe, expect, it } from "vitest";
import { AdaptivePolicy } from "./adaptive-policy.js";
import { createSegmenter } from "./create-segmenter.js";

describe("AdaptivePolicy", () => {
  it("uses the static minLength while no rates are known", () => {
    expect(new AdaptivePolicy(true, 20, 100).targetLength()).toBe(20);
  });

  it("uses the static minLength until bufferedAudioMs is known", () => {
    const policy = new AdaptivePolicy(true, 20, 100);
    policy.update({ llmCharsPerSecond: 80, ttsRealTimeFactor: 0.1 });
    expect(policy.targetLength()).toBe(20);
  });

  it("grows with the buffered audio: n = 0.5 × buffered s / (1/llm + rtf/15)", () => {
    const policy = new AdaptivePolicy(true, 20, 100);
    policy.update({ llmCharsPerSecond: 50, ttsRealTimeFactor: 0.3, bufferedAudioMs: 2000 });
    // 1/50 + 0.3/15 = 0.04 s per char; 0.5 × 2 s / 0.04 = 25
    expect(policy.targetLength()).toBe(25);
    policy.update({ bufferedAudioMs: 6000 });
    expect(policy.targetLength()).toBe(75);
  });

  it("is capped by maxLength and floored at minLength", () => {
    const policy = new AdaptivePolicy(true, 20, 100);
    policy.update({ llmCharsPerSecond: 500, ttsRealTimeFactor: 0.05, bufferedAudioMs: 60_000 });
    expect(policy.targetLength()).toBe(100);
    policy.update({ bufferedAudioMs: 0 });
    expect(policy.targetLength()).toBe(20);
  });

  it("assumes the speaking rate and real time for missing rates (conservative)", () => {
    const policy = new AdaptivePolicy(true, 10, 100);
    policy.update({ bufferedAudioMs: 4000 });
    // 1/15 + 1/15 s per char; 0.5 × 4 s / (2/15) = 15
    expect(policy.targetLength()).toBe(15);
  });

  it("ignores invalid numbers", () => {
    const policy = new AdaptivePolicy(true, 20, 100);
    policy.update({ llmCharsPerSecond: Number.NaN, ttsRealTimeFactor: -1, bufferedAudioMs: Number.POSITIVE_INFINITY });
    expect(policy.targetLength()).toBe(20);
  });

  it("does nothing when adaptive sizing is off", () => {
    const policy = new AdaptivePolicy(false, 20, 100);
    policy.update({ llmCharsPerSecond: 500, ttsRealTimeFactor: 0.05, bufferedAudioMs: 60_000 });
    expect(policy.targetLength()).toBe(20);
  });
});

describe("adaptive segmenter", () => {
  const text = "The first sentence is here. The second one follows. A third comes next. And a fourth ends it. ";

  it("segments small first, larger once audio is buffered", () => {
    const segmenter = createSegmenter({ adaptive: true });
    const before = segmenter.push(text).map((s) => s.text);
    // "A third comes next." (19) waits to merge with the fourth sentence, whose end is not certain yet.
    expect(before).toEqual(["The first sentence is here.", "The second one follows."]);
    segmenter.updateRates({ llmCharsPerSecond: 100, ttsRealTimeFactor: 0.2, bufferedAudioMs: 8000 });
    const after = [...segmenter.push(text), ...segmenter.end()].map((s) => s.text);
    expect(after).toEqual([
      "A third comes next. And a fourth ends it. The first sentence is here. The second one follows.",
      "A third comes next. And a fourth ends it.",
    ]);
    expect(after.every((s) => [...s].length <= 100)).toBe(true);
  });

  it("keeps the static rules when not enabled", () => {
    const segmenter = createSegmenter({ adaptive: false, eagerFirstSegment: false });
    segmenter.updateRates({ llmCharsPerSecond: 100, ttsRealTimeFactor: 0.2, bufferedAudioMs: 8000 });
    expect(segmenter.push(text + text).map((s) => s.text)).toEqual([
      "The first sentence is here.",
      "The second one follows.",
      "A third comes next. And a fourth ends it.",
      "The first sentence is here.",
      "The second one follows.",
    ]);
  });
});
