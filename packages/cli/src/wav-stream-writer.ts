import type { Writable } from "node:stream";
import { floatToPcm16, pcm16Bytes, wavHeader, type WavFormat } from "@voxpipe/core";

/**
 * Writes a 16-bit PCM WAV to a stream that cannot seek (stdout, a pipe): the
 * header goes first with the streamed sizes (`STREAMED_WAV_SIZE`, "until the
 * end"), then the samples as they arrive. Each write waits until the
 * stream has taken the previous one, so a slow reader (a player) paces the
 * writes instead of filling memory, and a closed reader (EPIPE) is an error
 * of the write that met it.
 */
export class WavStreamWriter {
  private format: WavFormat | undefined;
  private dataBytes = 0;
  private failure: Error | undefined;

  /** `name` is how messages call the stream, e.g. "stdout". */
  constructor(
    private readonly stream: Writable,
    readonly name: string,
  ) {
    // Errors also reach the write callbacks; this keeps them from being unhandled.
    stream.on("error", (error: Error) => (this.failure ??= error));
  }

  /** Writes the header in `format` (the samples' format, unless audio came first). */
  async open(format: WavFormat): Promise<void> {
    if (this.format) return;
    this.format = format;
    await this.put(wavHeader(format));
  }

  async write(pcm: Float32Array, sampleRate: number, channels: number): Promise<void> {
    if (!this.format) await this.open({ sampleRate, channels });
    else if (this.format.sampleRate !== sampleRate || this.format.channels !== channels) {
      throw new Error(`WAV on ${this.name}: audio changed format mid-stream (${this.format.sampleRate} Hz × ${this.format.channels} → ${sampleRate} Hz × ${channels}).`);
    }
    const bytes = pcm16Bytes(floatToPcm16(pcm));
    await this.put(bytes);
    this.dataBytes += bytes.byteLength;
  }

  get seconds(): number {
    return this.format && this.dataBytes > 0 ? this.dataBytes / 2 / this.format.channels / this.format.sampleRate : 0;
  }

  /** Nothing to patch: a streamed header never changes. */
  flushSync(): void {}

  /** Writes the header if no audio came (an empty stream is still a WAV). Does not end the stream. */
  async close(fallbackRate = 22050): Promise<void> {
    if (!this.format) await this.open({ sampleRate: fallbackRate, channels: 1 });
  }

  private async put(bytes: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => this.stream.write(bytes, (error) => (error ? reject(error) : resolve())));
  }
}
