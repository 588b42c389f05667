import { floatToPcm16 } from "@voxpipe/core";
import { afterEach, describe, expect, it } from "vitest";
import { AUDIO_FRAME_HEADER_BYTES, decodeAudioFrame, encodeAudioFrame, writeAudioFrame, type AudioFrame, type AudioFrameHeader } from "./audio-frame.js";
import { startPlayground, type Playground } from "./start-playground.js";
import { testBackend } from "./__fixtures__/test-backend.js";

const header: AudioFrameHeader = { runId: 7, segmentIndex: 3, fragmentIndex: 2, sampleRate: 24000, channels: 1, atMs: 812.6 };

describe("audio frames", () => {
  it("round-trips the header and the PCM16 samples, little-endian", () => {
    const pcm = new Float32Array([0, 0.5, -0.5, 1, -1, 2]);
    const frame = encodeAudioFrame(header, pcm);
    expect(frame.byteLength).toBe(AUDIO_FRAME_HEADER_BYTES + pcm.length * 2);
    expect(frame.subarray(0, 4).toString("ascii")).toBe("VXPA");
    const { header: decoded, samples } = decodeAudioFrame(frame);
    expect(decoded).toEqual({ ...header, atMs: 813 });
    expect([...samples]).toEqual([0, 16384, -16384, 32767, -32768, 32767]);
    expect(frame.readInt16LE(AUDIO_FRAME_HEADER_BYTES + 2)).toBe(16384);
  });

  it("writes the same bytes as a per-sample little-endian encoder, for a full-size fragment", () => {
    const pcm = new Float32Array(2400).map((_, i) => Math.sin(i / 7) * 1.2);
    const frame = encodeAudioFrame({ ...header, atMs: 0 }, pcm);
    const expected = floatToPcm16(pcm);
    for (let i = 0; i < expected.length; i++) expect(frame.readInt16LE(AUDIO_FRAME_HEADER_BYTES + i * 2)).toBe(expected[i]);
    expect(frame.readUInt16LE(6)).toBe(0);
  });

  it("rejects frames that are not voxpipe audio or of another version", () => {
    expect(() => decodeAudioFrame(Buffer.from("hello world, this is not audio at all"))).toThrow(/VXPA/);
    const frame = encodeAudioFrame({ ...header, atMs: 0 }, new Float32Array(2));
    frame.writeUInt8(9, 4);
    expect(() => decodeAudioFrame(frame)).toThrow(/version 9/);
  });
});

describe("the frame codec the page loads", () => {
  let playground: Playground | undefined;
  afterEach(async () => {
    await playground?.close();
    playground = undefined;
  });

  /** The module exactly as a browser gets it from the playground server, imported the way the page imports it. */
  async function pageCodec(): Promise<{ decodeAudioFrame: (frame: ArrayBuffer) => AudioFrame; writeAudioFrame: typeof writeAudioFrame }> {
    playground = await startPlayground({ backend: testBackend() });
    const response = await fetch(new URL("/js/audio-frame-codec.js", playground.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    const source = await response.text();
    expect(source).not.toMatch(/^\s*import\s/m); // loadable alone: the page has no bundler
    return import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
  }

  it("decodes what the server encodes, from the ArrayBuffer a WebSocket hands the page", async () => {
    const page = await pageCodec();
    const pcm = new Float32Array(480).map((_, i) => Math.sin(i / 5) * 0.8);
    const sent = encodeAudioFrame({ ...header, channels: 2 }, pcm);
    const received = sent.buffer.slice(sent.byteOffset, sent.byteOffset + sent.byteLength);
    const frame = page.decodeAudioFrame(received);
    expect(frame.header).toEqual({ ...header, channels: 2, atMs: 813 });
    expect([...frame.samples]).toEqual([...floatToPcm16(pcm)]);
  });

  it("writes frames the server's decoder reads (the other way round)", async () => {
    const page = await pageCodec();
    const samples = new Int16Array([1, -1, 32767, -32768, 12345]);
    const frame = page.writeAudioFrame({ ...header, atMs: 5 }, samples);
    expect(decodeAudioFrame(frame)).toEqual({ header: { ...header, atMs: 5 }, samples });
  });
});
