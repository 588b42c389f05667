import { floatToPcm16 } from "@voxpipe/core";
import { describe, expect, it } from "vitest";
import { AUDIO_FRAME_HEADER_BYTES, decodeAudioFrame, encodeAudioFrame } from "./audio-frame.js";

describe("audio frames", () => {
  it("round-trips the header and the PCM16 samples, little-endian", () => {
    const pcm = new Float32Array([0, 0.5, -0.5, 1, -1, 2]);
    const frame = encodeAudioFrame({ runId: 7, segmentIndex: 3, fragmentIndex: 2, sampleRate: 24000, channels: 1, atMs: 812.6 }, pcm);
    expect(frame.byteLength).toBe(AUDIO_FRAME_HEADER_BYTES + pcm.length * 2);
    expect(frame.subarray(0, 4).toString("ascii")).toBe("VXPA");
    const { header, samples } = decodeAudioFrame(frame);
    expect(header).toEqual({ runId: 7, segmentIndex: 3, fragmentIndex: 2, sampleRate: 24000, channels: 1, atMs: 813 });
    expect([...samples]).toEqual([0, 16384, -16384, 32767, -32768, 32767]);
    expect(frame.readInt16LE(AUDIO_FRAME_HEADER_BYTES + 2)).toBe(16384);
  });

  it("writes the same bytes as a per-sample little-endian encoder, for a full-size fragment", () => {
    const pcm = new Float32Array(2400).map((_, i) => Math.sin(i / 7) * 1.2);
    const frame = encodeAudioFrame({ runId: 1, segmentIndex: 0, fragmentIndex: 0, sampleRate: 24000, channels: 1, atMs: 0 }, pcm);
    const expected = floatToPcm16(pcm);
    for (let i = 0; i < expected.length; i++) expect(frame.readInt16LE(AUDIO_FRAME_HEADER_BYTES + i * 2)).toBe(expected[i]);
    expect(frame.readUInt16LE(6)).toBe(0);
  });

  it("rejects frames that are not voxpipe audio or of another version", () => {
    expect(() => decodeAudioFrame(Buffer.from("hello world, this is not audio at all"))).toThrow(/VXPA/);
    const frame = encodeAudioFrame({ runId: 1, segmentIndex: 0, fragmentIndex: 0, sampleRate: 8000, channels: 1, atMs: 0 }, new Float32Array(2));
    frame.writeUInt8(9, 4);
    expect(() => decodeAudioFrame(frame)).toThrow(/version 9/);
  });
});
