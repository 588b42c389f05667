import { VoxpipeError } from "@voxpipe/core";
import { Pcm16StreamDecoder } from "@voxpipe/core/adapter-kit";

/** What a WAV header says about the audio after it. */
export interface WavFormat {
  sampleRate: number;
  channels: number;
  /** Bytes of PCM in the data chunk, or undefined when the header has a placeholder (a stream of unknown length). */
  dataBytes: number | undefined;
}

/** Give up looking for the `data` chunk after this many bytes. */
const MAX_HEADER_BYTES = 64 * 1024;
const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

export interface WavStreamParserOptions {
  /** Named in errors. */
  url: string;
  /** The sample rate the provider declared; a header with another rate is an error. */
  expectedSampleRate: number;
}

/**
 * Reads a streamed 16-bit PCM WAV: buffers until the header (which may be
 * split across network chunks) is complete, checks it against the declared
 * format, then decodes the PCM that follows as it arrives.
 *
 * Streaming servers (GPT-SoVITS's `streaming_mode`) write the header before
 * they know the length, with 0 (Python's `wave`) or 0xFFFFFFFF as the data
 * size: both mean "until the body ends". A real size bounds the data, so
 * chunks after it (e.g. `LIST`) are not played as audio.
 */
export class WavStreamParser {
  readonly #options: WavStreamParserOptions;
  #header: Uint8Array | undefined = new Uint8Array(0);
  #format: WavFormat | undefined;
  #remaining = Number.POSITIVE_INFINITY;
  readonly #decoder = new Pcm16StreamDecoder();

  constructor(options: WavStreamParserOptions) {
    this.#options = options;
  }

  /** The header's format, once it has been read. */
  get format(): WavFormat | undefined {
    return this.#format;
  }

  /** Bytes held back: an incomplete header, or half a sample. */
  get pendingBytes(): number {
    return (this.#header?.length ?? 0) + this.#decoder.pendingBytes;
  }

  /** Feeds the next network chunk; returns the samples it completes. */
  push(bytes: Uint8Array): Float32Array {
    if (this.#header !== undefined) {
      const joined = new Uint8Array(this.#header.length + bytes.length);
      joined.set(this.#header);
      joined.set(bytes, this.#header.length);
      const parsed = this.#parseHeader(joined);
      if (parsed === undefined) {
        if (joined.length > MAX_HEADER_BYTES) throw this.#badResponse(`no \`data\` chunk within the first ${MAX_HEADER_BYTES} bytes`);
        this.#header = joined;
        return new Float32Array(0);
      }
      this.#header = undefined;
      this.#format = parsed.format;
      this.#remaining = parsed.format.dataBytes ?? Number.POSITIVE_INFINITY;
      bytes = joined.subarray(parsed.dataOffset);
    }
    if (this.#remaining <= 0) return new Float32Array(0);
    const take = bytes.subarray(0, Math.min(bytes.length, this.#remaining));
    this.#remaining -= take.length;
    return this.#decoder.push(take);
  }

  /** Parses a complete header, or returns undefined when more bytes are needed. */
  #parseHeader(bytes: Uint8Array): { format: WavFormat; dataOffset: number } | undefined {
    if (bytes.length < 12) {
      if (!isPrefixOf(bytes, "RIFF")) throw this.#badResponse("it does not start with `RIFF`");
      return undefined;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (ascii(bytes, 0) !== "RIFF" || ascii(bytes, 8) !== "WAVE") throw this.#badResponse("it does not start with `RIFF…WAVE`");
    let offset = 12;
    let fmt: { sampleRate: number; channels: number } | undefined;
    while (offset + 8 <= bytes.length) {
      const id = ascii(bytes, offset);
      const size = view.getUint32(offset + 4, true);
      const body = offset + 8;
      if (id === "data") {
        if (!fmt) throw this.#badResponse("its `data` chunk comes before `fmt `");
        const dataBytes = size === 0 || size === 0xffffffff ? undefined : size;
        return { format: { ...fmt, dataBytes }, dataOffset: body };
      }
      if (body + size > bytes.length) return undefined;
      if (id === "fmt ") fmt = this.#readFmt(view, body, size);
      offset = body + size + (size % 2);
    }
    return undefined;
  }

  #readFmt(view: DataView, at: number, size: number): { sampleRate: number; channels: number } {
    if (size < 16) throw this.#badResponse(`its \`fmt \` chunk is ${size} bytes long`);
    let formatTag = view.getUint16(at, true);
    const channels = view.getUint16(at + 2, true);
    const sampleRate = view.getUint32(at + 4, true);
    const bits = view.getUint16(at + 14, true);
    if (formatTag === WAVE_FORMAT_EXTENSIBLE && size >= 26) formatTag = view.getUint16(at + 24, true);
    if (formatTag !== WAVE_FORMAT_PCM || bits !== 16) {
      throw this.#badResponse(`it holds format ${formatTag} at ${bits} bits; only 16-bit PCM is supported (use \`mediaType: wav\` or \`raw\`)`);
    }
    if (sampleRate !== this.#options.expectedSampleRate || channels !== 1) {
      throw new VoxpipeError({
        code: "tts-format-mismatch",
        stage: "tts",
        message: `The TTS server at ${this.#options.url} sends ${sampleRate} Hz ${channels === 1 ? "mono" : `${channels}-channel`} audio, but the adapter declares ${this.#options.expectedSampleRate} Hz mono (option \`sampleRate\`). Set \`sampleRate: ${sampleRate}\` in the tts options to match the loaded model.`,
      });
    }
    return { sampleRate, channels };
  }

  #badResponse(why: string): VoxpipeError {
    return new VoxpipeError({
      code: "tts-bad-response",
      stage: "tts",
      message: `The TTS server at ${this.#options.url} answered with audio that is not a 16-bit PCM WAV: ${why}. Check that \`baseURL\` points at a GPT-SoVITS api_v2 server.`,
    });
  }
}

const ascii = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
const isPrefixOf = (bytes: Uint8Array, text: string): boolean => [...bytes].every((b, i) => i >= text.length || b === text.charCodeAt(i));
