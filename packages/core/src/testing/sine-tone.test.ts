import { describe, expect, it } from "vitest";
import { sineTone } from "./sine-tone.js";

const direct = (frame: number, sampleRate: number): number => 0.3 * Math.sin((2 * Math.PI * 440 * frame) / sampleRate);

describe("sineTone", () => {
  it.each([16000, 22050, 24000, 44100, 11025.5])("is the 440 Hz sine at %d Hz, across chunk boundaries and far into a stream", (sampleRate) => {
    for (const [start, frames] of [[0, 1000], [399, 5], [123_457, 2500], [10_000_000, 64]] as const) {
      const pcm = sineTone(start, frames, sampleRate);
      expect(pcm).toHaveLength(frames);
      let worst = 0;
      for (let i = 0; i < frames; i++) worst = Math.max(worst, Math.abs(pcm[i]! - direct(start + i, sampleRate)));
      // Float32 rounding, plus Math.sin's own error at large arguments (the direct formula's, not the table's).
      expect(worst).toBeLessThan(1e-5);
    }
  });

  it("chunks joined are the tone in one piece", () => {
    const whole = sineTone(0, 3000, 24000);
    const parts = [sineTone(0, 1000, 24000), sineTone(1000, 1000, 24000), sineTone(2000, 1000, 24000)];
    expect(Float32Array.from(parts.flatMap((p) => [...p]))).toEqual(whole);
  });
});
