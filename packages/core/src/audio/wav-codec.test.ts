import { describe, expect, it } from "vitest";
import { floatToPcm16 } from "./pcm.js";
import { STREAMED_WAV_SIZE, WAV_HEADER_BYTES, decodeWav, pcm16Bytes, wavHeader } from "./wav-codec.js";

const wav = (header: Uint8Array, data: Uint8Array): Uint8Array => {
  const out = new Uint8Array(header.byteLength + data.byteLength);
  out.set(header, 0);
  out.set(data, header.byteLength);
  return out;
};

describe("the WAV codec", () => {
  it("writes the canonical 44-byte 16-bit PCM header, with sizes or streamed", () => {
    const header = wavHeader({ sampleRate: 24000, channels: 2 }, 1000);
    const view = new DataView(header.buffer);
    expect(header.byteLength).toBe(WAV_HEADER_BYTES);
    expect(String.fromCharCode(...header.subarray(0, 4), ...header.subarray(8, 16), ...header.subarray(36, 40))).toBe("RIFFWAVEfmt data");
    expect([view.getUint32(4, true), view.getUint16(20, true), view.getUint16(22, true), view.getUint32(24, true), view.getUint32(28, true), view.getUint16(32, true), view.getUint16(34, true), view.getUint32(40, true)]).toEqual([
      1036, 1, 2, 24000, 96000, 4, 16, 1000,
    ]);
    const streamed = new DataView(wavHeader({ sampleRate: 24000, channels: 1 }).buffer);
    expect([streamed.getUint32(4, true), streamed.getUint32(40, true)]).toEqual([STREAMED_WAV_SIZE, STREAMED_WAV_SIZE]);
  });

  it("reads back what it writes, sized or streamed", () => {
    const samples = Float32Array.of(0, 0.5, -0.5, 1, -1);
    const data = pcm16Bytes(floatToPcm16(samples));
    expect(data.byteLength).toBe(10);
    for (const header of [wavHeader({ sampleRate: 22050, channels: 1 }, data.byteLength), wavHeader({ sampleRate: 22050, channels: 1 })]) {
      const decoded = decodeWav(wav(header, data));
      expect(decoded.sampleRate).toBe(22050);
      expect(decoded.channels).toBe(1);
      expect([...decoded.pcm].map((x) => Math.round(x * 1000) / 1000)).toEqual([0, 0.5, -0.5, 1, -1]);
    }
  });

  it("pcm16Bytes writes little-endian samples", () => {
    expect([...pcm16Bytes(Int16Array.of(1, -2))]).toEqual([1, 0, 0xfe, 0xff]);
  });

  it("says what it found in bytes it cannot read, worded for the caller", () => {
    expect(() => decodeWav(new TextEncoder().encode("ID3 not a wav"))).toThrow(/^The audio is not a WAV file voxpipe can read: it does not start with RIFF…WAVE \(13 bytes\)\.$/);
    const twentyFourBit = wavHeader({ sampleRate: 8000, channels: 1 });
    new DataView(twentyFourBit.buffer).setUint16(34, 24, true);
    expect(() => decodeWav(wav(twentyFourBit, new Uint8Array(6)), { what: "The speech model's audio", hint: "Ask for wav." })).toThrow(
      /^The speech model's audio is not a WAV file voxpipe can read: its samples are 24-bit with format code 1; supported are 16-bit PCM, 32-bit float and 8-bit PCM\. Ask for wav\.$/,
    );
    expect(() => decodeWav(wav(wavHeader({ sampleRate: 8000, channels: 1 }), new Uint8Array(0)).subarray(0, 36))).toThrow(/it has no data chunk/);
  });
});
