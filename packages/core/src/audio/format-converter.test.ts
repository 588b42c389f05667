import { describe, expect, it } from "vitest";
import { FormatConverter } from "./format-converter.js";

describe("FormatConverter", () => {
  it("passes audio already in the target format through untouched", async () => {
    const converter = new FormatConverter({ sampleRate: 16000, channels: 1 });
    const chunk = { pcm: new Float32Array(160), sampleRate: 16000, channels: 1 };
    expect(await converter.convert(chunk)).toBe(chunk);
    expect(converter.flush().pcm.length).toBe(0);
  });

  it("remixes stereo to mono by averaging the channels", async () => {
    const converter = new FormatConverter({ sampleRate: 8000, channels: 1 });
    const out = await converter.convert({ pcm: Float32Array.from([0.2, 0.4, -0.2, -0.6]), sampleRate: 8000, channels: 2 });
    expect([...out.pcm].map((v) => Number(v.toFixed(3)))).toEqual([0.3, -0.4]);
  });

  it("resamples a stream of chunks to the target rate, keeping its duration", async () => {
    const converter = new FormatConverter({ sampleRate: 24000, channels: 1 });
    let frames = 0;
    for (let i = 0; i < 5; i++) frames += (await converter.convert({ pcm: new Float32Array(2205), sampleRate: 22050, channels: 1 })).pcm.length;
    frames += converter.flush().pcm.length;
    converter.dispose();
    expect(frames).toBe(Math.round((5 * 2205 * 24000) / 22050));
  });
});
