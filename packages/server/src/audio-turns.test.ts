import { describe, expect, it } from "vitest";
import { AUDIO_SLICE_SECONDS, audioSlices } from "./audio-turns.js";

describe("audioSlices", () => {
  it("cuts long audio into views of at most AUDIO_SLICE_SECONDS of whole frames, covering every sample once", () => {
    const rate = 22_050;
    const stereo = Float32Array.from({ length: Math.round(rate * 1.7) * 2 }, (_, i) => i);
    const slices = [...audioSlices(stereo, rate, 2)];
    expect(slices.map((slice) => slice.length / 2 / rate).every((seconds) => seconds <= AUDIO_SLICE_SECONDS)).toBe(true);
    expect(slices.every((slice) => slice.length % 2 === 0 && slice.buffer === stereo.buffer)).toBe(true);
    expect(Float32Array.from(slices.flatMap((slice) => [...slice]))).toEqual(stereo);
    const short = new Float32Array(100);
    expect([...audioSlices(short, rate, 1)]).toEqual([short]);
  });
});
