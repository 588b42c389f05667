import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { STREAMED_WAV_SIZE } from "@voxpipe/core";
import { WavStreamWriter } from "./wav-stream-writer.js";
import { WavWriter } from "./wav-writer.js";

const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-wav-"));
const ramp = (n: number, from = 0): Float32Array => Float32Array.from({ length: n }, (_, i) => ((from + i) % 100) / 100);

/** The header's data size, RIFF size, rate, and the samples the file holds after the header. */
function inspect(bytes: Buffer): { dataBytes: number; riffBytes: number; sampleRate: number; fileDataBytes: number } {
  return { dataBytes: bytes.readUInt32LE(40), riffBytes: bytes.readUInt32LE(4), sampleRate: bytes.readUInt32LE(24), fileDataBytes: bytes.length - 44 };
}

describe("WavWriter", () => {
  it("keeps the header's sizes current after every write, so the file on disk is a complete WAV at every moment", async () => {
    const file = path.join(dir, "current.wav");
    const wav = new WavWriter(file);
    await wav.open({ sampleRate: 16000, channels: 1 });
    expect(inspect(readFileSync(file))).toEqual({ dataBytes: 0, riffBytes: 36, sampleRate: 16000, fileDataBytes: 0 });
    for (let i = 1; i <= 3; i++) {
      await wav.write(ramp(160, i * 160), 16000, 1);
      expect(inspect(readFileSync(file))).toEqual({ dataBytes: i * 320, riffBytes: 36 + i * 320, sampleRate: 16000, fileDataBytes: i * 320 });
    }
    await wav.close();
    expect(wav.seconds).toBeCloseTo(0.03, 5);
  });

  it("takes the first audio's format when it differs from the one opened with, and refuses a change after audio", async () => {
    const file = path.join(dir, "format.wav");
    const wav = new WavWriter(file);
    await wav.open({ sampleRate: 22050, channels: 1 });
    await wav.write(ramp(10), 24000, 1);
    expect(inspect(readFileSync(file)).sampleRate).toBe(24000);
    await expect(wav.write(ramp(10), 16000, 1)).rejects.toThrow(`WAV ${file}: audio changed format mid-file (24000 Hz × 1 → 16000 Hz × 1).`);
    await wav.close();
  });

  it("flushSync writes the header for what was written, for a process about to exit", async () => {
    const file = path.join(dir, "sync.wav");
    const wav = new WavWriter(file);
    await wav.write(ramp(100), 16000, 1);
    wav.flushSync();
    expect(inspect(readFileSync(file))).toMatchObject({ dataBytes: 200, fileDataBytes: 200 });
    await wav.close();
  });
});

describe("WavStreamWriter", () => {
  it("writes the streamed sizes first, then the samples in order; an empty run is still a WAV header", async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    const wav = new WavStreamWriter(stream, "test stream");
    await wav.write(ramp(50), 16000, 1);
    await wav.write(ramp(50, 50), 16000, 1);
    await wav.close();
    const bytes = Buffer.concat(chunks);
    expect(inspect(bytes)).toEqual({ dataBytes: STREAMED_WAV_SIZE, riffBytes: STREAMED_WAV_SIZE, sampleRate: 16000, fileDataBytes: 200 });
    expect(bytes.readInt16LE(44 + 2 * 60)).toBe(Math.round(0.6 * 32767));

    const empty = new PassThrough();
    const emptyChunks: Buffer[] = [];
    empty.on("data", (chunk: Buffer) => emptyChunks.push(chunk));
    await new WavStreamWriter(empty, "empty").close(24000);
    expect(inspect(Buffer.concat(emptyChunks))).toMatchObject({ sampleRate: 24000, fileDataBytes: 0 });
  });

  it("a write that meets a closed reader rejects with its error", async () => {
    const stream = new PassThrough();
    stream.destroy();
    await expect(new WavStreamWriter(stream, "closed").write(ramp(10), 16000, 1)).rejects.toThrow();
  });
});
