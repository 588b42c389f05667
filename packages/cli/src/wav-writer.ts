import { open, type FileHandle } from "node:fs/promises";
import { floatToPcm16 } from "@voxpipe/core";

/**
 * Writes 16-bit PCM WAV as audio arrives. The header's sizes are patched on
 * `close()`, which also runs after a failed run so the audio produced so far
 * is a valid file.
 */
export class WavWriter {
  private handle: FileHandle | undefined;
  private dataBytes = 0;
  private format: { sampleRate: number; channels: number } | undefined;

  constructor(readonly file: string) {}

  /** Appends interleaved float samples. The first call fixes the file's format. */
  async write(pcm: Float32Array, sampleRate: number, channels: number): Promise<void> {
    if (!this.format) {
      this.format = { sampleRate, channels };
      this.handle = await open(this.file, "w");
      await this.handle.write(header(sampleRate, channels, 0), 0, 44, 0);
    } else if (this.format.sampleRate !== sampleRate || this.format.channels !== channels) {
      throw new Error(`WAV ${this.file}: audio changed format mid-file (${this.format.sampleRate} Hz × ${this.format.channels} → ${sampleRate} Hz × ${channels}).`);
    }
    const samples = floatToPcm16(pcm);
    const bytes = new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
    await this.handle!.write(bytes, 0, bytes.byteLength, 44 + this.dataBytes);
    this.dataBytes += bytes.byteLength;
  }

  /** Audio written so far, in seconds. */
  get seconds(): number {
    return this.format ? this.dataBytes / 2 / this.format.channels / this.format.sampleRate : 0;
  }

  /** Finalizes the header. With no audio written, writes an empty (valid) WAV at `fallbackRate`. */
  async close(fallbackRate = 22050): Promise<void> {
    if (!this.handle) {
      this.handle = await open(this.file, "w");
      this.format = { sampleRate: fallbackRate, channels: 1 };
    }
    await this.handle.write(header(this.format!.sampleRate, this.format!.channels, this.dataBytes), 0, 44, 0);
    await this.handle.close();
    this.handle = undefined;
  }
}

function header(sampleRate: number, channels: number, dataBytes: number): Uint8Array {
  const buffer = new ArrayBuffer(44);
  const view = new DataView(buffer);
  const ascii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, dataBytes, true);
  return new Uint8Array(buffer);
}
