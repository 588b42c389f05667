import { writeSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { floatToPcm16, pcm16Bytes, WAV_HEADER_BYTES, wavHeader, type WavFormat } from "@voxpipe/core";

/**
 * Writes a 16-bit PCM WAV file as audio arrives, and keeps it valid at every
 * moment: each write appends the samples, then rewrites the 44-byte header
 * with the sizes written so far (one small positional write). A process that
 * dies at any point leaves a WAV that plays every sample whose write had
 * finished; the header at worst lags one write behind the data.
 */
export class WavWriter {
  private handle: FileHandle | undefined;
  private dataBytes = 0;
  private format: WavFormat | undefined;

  constructor(readonly file: string) {}

  /**
   * Creates (or truncates) the file and writes an empty WAV in `format`, so
   * an output that cannot be written fails here, before a run starts.
   */
  async open(format: WavFormat): Promise<void> {
    if (this.handle) return;
    this.handle = await open(this.file, "w");
    this.format = format;
    try {
      await this.writeHeader();
    } catch (error) {
      await this.handle.close().catch(() => {});
      this.handle = undefined;
      throw error;
    }
  }

  /** Appends interleaved float samples. Until the first samples, their format replaces the one given to `open`. */
  async write(pcm: Float32Array, sampleRate: number, channels: number): Promise<void> {
    if (!this.handle || this.dataBytes === 0) {
      if (!this.handle) await this.open({ sampleRate, channels });
      this.format = { sampleRate, channels };
    } else if (this.format!.sampleRate !== sampleRate || this.format!.channels !== channels) {
      throw new Error(`WAV ${this.file}: audio changed format mid-file (${this.format!.sampleRate} Hz × ${this.format!.channels} → ${sampleRate} Hz × ${channels}).`);
    }
    const bytes = pcm16Bytes(floatToPcm16(pcm));
    await this.handle!.write(bytes, 0, bytes.byteLength, WAV_HEADER_BYTES + this.dataBytes);
    this.dataBytes += bytes.byteLength;
    await this.writeHeader();
  }

  /** Audio written so far, in seconds. */
  get seconds(): number {
    return this.format && this.dataBytes > 0 ? this.dataBytes / 2 / this.format.channels / this.format.sampleRate : 0;
  }

  /** Writes the header for the samples written so far, synchronously: for a process about to exit. */
  flushSync(): void {
    if (this.handle && this.format) writeSync(this.handle.fd, wavHeader(this.format, this.dataBytes), 0, WAV_HEADER_BYTES, 0);
  }

  /** Finalizes the header and closes the file. With no audio written (and no `open`), writes an empty WAV at `fallbackRate`. */
  async close(fallbackRate = 22050): Promise<void> {
    if (!this.handle) await this.open({ sampleRate: fallbackRate, channels: 1 });
    try {
      await this.writeHeader();
    } finally {
      const handle = this.handle!;
      // From here on flushSync has nothing to do: the header is final and the descriptor is closing.
      this.handle = undefined;
      await handle.close();
    }
  }

  private async writeHeader(): Promise<void> {
    await this.handle!.write(wavHeader(this.format!, this.dataBytes), 0, WAV_HEADER_BYTES, 0);
  }
}
