import { describe, expect, it } from "vitest";
import { createStreamResampler } from "./stream-resampler.js";

const tone = (frames: number, rate: number, hz: number, offset = 0) => Float32Array.from({ length: frames }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * (i + offset)) / rate));

describe("createStreamResampler", () => {
  it("keeps duration and pitch across chunks", async () => {
    const resampler = await createStreamResampler(1, 16000, 24000);
    const parts: Float32Array[] = [];
    for (let k = 0; k < 10; k++) parts.push(resampler.push(tone(1600, 16000, 440, k * 1600)));
    parts.push(resampler.flush());
    resampler.dispose();
    const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    expect(out.length).toBe(24000);
    // Count zero crossings in the middle second: 440 Hz gives ~880 per second whatever the rate.
    let crossings = 0;
    for (let i = 2400; i < 21600; i++) if ((out[i - 1]! < 0) !== (out[i]! < 0)) crossings++;
    expect(crossings / 0.8).toBeGreaterThan(860);
    expect(crossings / 0.8).toBeLessThan(900);
  });

  it("downsamples stereo", async () => {
    const resampler = await createStreamResampler(2, 48000, 16000);
    const out = resampler.push(new Float32Array(4800 * 2));
    const tail = resampler.flush();
    expect((out.length + tail.length) / 2).toBe(1600);
    resampler.dispose();
  });
});
