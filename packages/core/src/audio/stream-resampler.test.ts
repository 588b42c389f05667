import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_IDLE_RESAMPLERS_PER_FORMAT, createStreamResampler, streamResamplerStats } from "./stream-resampler.js";

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

/** A 1 s chirp, interleaved; each channel has its own phase. */
const chirp = (rate: number, channels: number): Float32Array =>
  Float32Array.from({ length: rate * channels }, (_, i) => {
    const t = Math.floor(i / channels) / rate;
    return 0.4 * Math.sin(2 * Math.PI * (200 + 1800 * t) * t + (i % channels));
  });

/** Resamples the chirp in chunks of uneven sizes; the output's length and sha256. */
async function fingerprint(channels: number, fromRate: number, toRate: number): Promise<string> {
  const resampler = await createStreamResampler(channels, fromRate, toRate);
  const input = chirp(fromRate, channels);
  const hash = createHash("sha256");
  let samples = 0;
  const add = (out: Float32Array): void => {
    samples += out.length;
    hash.update(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
  };
  for (let offset = 0, k = 0; offset < input.length; k++) {
    const size = ([441, 2205, 100, 4410][k % 4] ?? 441) * channels;
    add(resampler.push(input.subarray(offset, offset + size)));
    offset += size;
  }
  add(resampler.flush());
  resampler.dispose();
  return `${samples} ${hash.digest("hex")}`;
}

// Recorded from libsamplerate-js 2.1.2 (SRC_SINC_MEDIUM_QUALITY) with one new converter per stream, before converters were pooled.
const recorded = {
  "1:22050:24000": "24000 62ce0ac30687622139335ae9131af68a7593af23e1bf1314e95701ac4073d95d",
  "2:48000:16000": "32000 6510dc8839378ce31db6575e2eebc4ea7018b4a3d5c43088b1e4fed0b35af5e7",
  "1:16000:24000": "24000 5cc584c45b82a32cec03c3fae1271b0becb99c5414fa1c7e540a88228a3a123d",
};

describe("createStreamResampler's converter pool", () => {
  it("output is bit-identical to a new converter's, on a new and on a reused converter", async () => {
    for (const [format, expected] of Object.entries(recorded)) {
      const [channels, from, to] = format.split(":").map(Number) as [number, number, number];
      expect(await fingerprint(channels, from, to)).toBe(expected);
      const created = streamResamplerStats().created;
      expect(await fingerprint(channels, from, to)).toBe(expected); // on the converter the first stream gave back
      expect(streamResamplerStats().created).toBe(created);
    }
  });

  it("many streams, 8 at a time: 8 converters, not one per stream", async () => {
    const before = streamResamplerStats();
    for (let round = 0; round < 6; round++) {
      const results = await Promise.all(Array.from({ length: 8 }, () => fingerprint(1, 22050, 44100)));
      expect(new Set(results).size).toBe(1);
    }
    const after = streamResamplerStats();
    expect(after.created - before.created).toBe(8);
    expect(after.inUse).toBe(before.inUse);
    expect(after.idle - before.idle).toBe(8);
  });

  it("keeps at most MAX_IDLE_RESAMPLERS_PER_FORMAT idle per format; dispose is idempotent and a disposed resampler says so", async () => {
    const idleBefore = streamResamplerStats().idle; // of the other formats
    const streams = await Promise.all(Array.from({ length: MAX_IDLE_RESAMPLERS_PER_FORMAT + 4 }, () => createStreamResampler(1, 8000, 11025)));
    expect(streamResamplerStats().inUse).toBe(streams.length);
    for (const stream of streams) stream.dispose();
    streams[0]?.dispose();
    const stats = streamResamplerStats();
    expect(stats.inUse).toBe(0);
    expect(stats.idle - idleBefore).toBe(MAX_IDLE_RESAMPLERS_PER_FORMAT);
    expect(() => streams[0]?.push(new Float32Array(10))).toThrow(/was disposed; create another with createStreamResampler\(\)/);
    const reused = await createStreamResampler(1, 8000, 11025);
    expect(streamResamplerStats().created).toBe(stats.created);
    reused.dispose();
  });
});
