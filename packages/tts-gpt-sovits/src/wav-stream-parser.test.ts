import { describe, expect, it } from "vitest";
import { VoxpipeError } from "@voxpipe/core";
import { WavStreamParser } from "./wav-stream-parser.js";
import { wavHeader } from "./__fixtures__/fake-gpt-sovits-server.js";

const URL = "http://127.0.0.1:9880/tts";
const samples = [0, 1000, -1000, 32767, -32768, 7, -7];
const pcm = Buffer.from(new Int16Array(samples).buffer);
const expected = samples.map((s) => s / 0x8000);
const parser = (rate = 32000) => new WavStreamParser({ url: URL, expectedSampleRate: rate });

const feed = (p: WavStreamParser, pieces: Uint8Array[]): number[] => pieces.flatMap((piece) => [...p.push(piece)]);

function chunk(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(id, 0, "ascii");
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

function errorOf(run: () => void): VoxpipeError {
  try {
    run();
  } catch (error) {
    expect(VoxpipeError.isInstance(error)).toBe(true);
    return error as VoxpipeError;
  }
  throw new Error("expected an error");
}

describe("WavStreamParser", () => {
  it("reads GPT-SoVITS's streaming header (sizes 0) alone in the first chunk, then raw PCM", () => {
    const p = parser();
    expect(p.push(wavHeader(32000, 0))).toHaveLength(0);
    expect(p.format).toEqual({ sampleRate: 32000, channels: 1, dataBytes: undefined });
    expect(feed(p, [pcm.subarray(0, 5), pcm.subarray(5)])).toEqual(expected);
    expect(feed(p, [pcm])).toEqual(expected); // unbounded: later chunks keep coming
  });

  it("gives the same samples wherever the header and the first samples are split", () => {
    const whole = Buffer.concat([wavHeader(32000, 0), pcm]);
    for (let cut = 0; cut <= whole.length; cut++) {
      const p = parser();
      expect(feed(p, [whole.subarray(0, cut), whole.subarray(cut)])).toEqual(expected);
      expect(p.pendingBytes).toBe(0);
    }
    const p = parser();
    expect(feed(p, [...whole].map((b) => Uint8Array.of(b)))).toEqual(expected);
  });

  it("treats 0xFFFFFFFF as unknown length, and a real size as a bound", () => {
    const open = wavHeader(32000, 0);
    open.writeUInt32LE(0xffffffff, 40);
    expect(feed(parser(), [open, pcm])).toEqual(expected);
    const bounded = Buffer.concat([wavHeader(32000, 4), pcm, chunk("LIST", Buffer.from("INFOISFT\u0004\u0000\u0000\u0000abcd"))]);
    expect(feed(parser(), [bounded])).toEqual(expected.slice(0, 2));
  });

  it("skips chunks before `data` and reads WAVE_FORMAT_EXTENSIBLE PCM", () => {
    const fmt = Buffer.alloc(40);
    fmt.writeUInt16LE(0xfffe, 0);
    fmt.writeUInt16LE(1, 2);
    fmt.writeUInt32LE(24000, 4);
    fmt.writeUInt32LE(48000, 8);
    fmt.writeUInt16LE(2, 12);
    fmt.writeUInt16LE(16, 14);
    fmt.writeUInt16LE(22, 16);
    fmt.writeUInt16LE(1, 24); // sub-format GUID starts with PCM = 1
    const wav = Buffer.concat([Buffer.from("RIFF\0\0\0\0WAVE", "latin1"), chunk("fmt ", fmt), chunk("LIST", Buffer.from("xyz")), chunk("data", pcm)]);
    const p = parser(24000);
    expect(feed(p, [wav.subarray(0, 30), wav.subarray(30)])).toEqual(expected);
    expect(p.format?.sampleRate).toBe(24000);
  });

  it("rejects a header whose rate differs from the declared one, naming both", () => {
    const error = errorOf(() => parser(32000).push(wavHeader(24000, 0)));
    expect(error.code).toBe("tts-format-mismatch");
    expect(error.message).toContain("24000 Hz");
    expect(error.message).toContain("32000 Hz");
    expect(error.message).toContain("sampleRate: 24000");
    const stereo = wavHeader(32000, 0);
    stereo.writeUInt16LE(2, 22);
    expect(errorOf(() => parser().push(stereo)).code).toBe("tts-format-mismatch");
  });

  it("rejects bodies that are not 16-bit PCM WAV", () => {
    expect(errorOf(() => parser().push(Buffer.from('{"message":"x"}'))).code).toBe("tts-bad-response");
    const eightBit = wavHeader(32000, 0);
    eightBit.writeUInt16LE(8, 34);
    const error = errorOf(() => parser().push(eightBit));
    expect(error.code).toBe("tts-bad-response");
    expect(error.message).toContain(URL);
  });
});
