import { describe, expect, it } from "vitest";
import { Pcm16StreamDecoder } from "./pcm16-stream-decoder.js";

const samples = [0, 1, -1, 32767, -32768, 12345, -12345, 256, -256, 255];
const bytes = new Uint8Array(new Int16Array(samples).buffer);
const expected = samples.map((s) => s / 0x8000);

const decodeIn = (pieces: Uint8Array[]): number[] => {
  const decoder = new Pcm16StreamDecoder();
  const out: number[] = [];
  for (const piece of pieces) out.push(...decoder.push(piece));
  expect(decoder.pendingBytes).toBe(0);
  return out;
};

describe("Pcm16StreamDecoder", () => {
  it("decodes a whole buffer", () => {
    expect(decodeIn([bytes])).toEqual(expected);
  });

  it("gives the same samples for every split point, including mid-sample", () => {
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(decodeIn([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(expected);
    }
  });

  it("decodes one byte at a time and in odd-sized pieces", () => {
    expect(decodeIn([...bytes].map((b) => Uint8Array.of(b)))).toEqual(expected);
    expect(decodeIn([bytes.subarray(0, 3), bytes.subarray(3, 6), bytes.subarray(6, 13), bytes.subarray(13)])).toEqual(expected);
  });

  it("holds back a trailing odd byte", () => {
    const decoder = new Pcm16StreamDecoder();
    expect(decoder.push(bytes.subarray(0, 5))).toHaveLength(2);
    expect(decoder.pendingBytes).toBe(1);
    expect(decoder.push(new Uint8Array(0))).toHaveLength(0);
    expect(decoder.pendingBytes).toBe(1);
  });
});
