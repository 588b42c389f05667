import { VoxpipeError } from "../errors/voxpipe-error.js";

/** Bytes in the canonical 16-bit PCM WAV header `wavHeader` writes. */
export const WAV_HEADER_BYTES = 44;

/**
 * The size written into a streamed WAV's RIFF and data fields, where the
 * length is unknown when the header goes out: the largest 32-bit value, which
 * players and `ffmpeg` read as "until the end of the stream".
 */
export const STREAMED_WAV_SIZE = 0xffffffff;

/** The format of a WAV's samples. */
export interface WavFormat {
  sampleRate: number;
  channels: number;
}

/** A 44-byte header for 16-bit PCM; `dataBytes` omitted writes the streamed sizes (`STREAMED_WAV_SIZE`). */
export function wavHeader({ sampleRate, channels }: WavFormat, dataBytes?: number): Uint8Array {
  const buffer = new ArrayBuffer(WAV_HEADER_BYTES);
  const view = new DataView(buffer);
  const ascii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, "RIFF");
  view.setUint32(4, dataBytes === undefined ? STREAMED_WAV_SIZE : 36 + dataBytes, true);
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
  view.setUint32(40, dataBytes === undefined ? STREAMED_WAV_SIZE : dataBytes, true);
  return new Uint8Array(buffer);
}

const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** 16-bit samples as the little-endian bytes of a WAV's data: a view of the same memory on little-endian machines, a copy elsewhere. */
export function pcm16Bytes(samples: Int16Array): Uint8Array {
  if (littleEndian) return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
  const bytes = new Uint8Array(samples.byteLength);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, samples[i] ?? 0, true);
  return bytes;
}

/** PCM read from a WAV file: interleaved floats in [-1, 1]. */
export interface DecodedWav {
  sampleRate: number;
  channels: number;
  pcm: Float32Array;
}

/** How `decodeWav` words its error: what the bytes are, and what to do about them. */
export interface WavDecodeWording {
  /** What the bytes are, e.g. "The speech model's audio"; default "The audio". */
  what?: string;
  /** A sentence that says what to do, e.g. `Ask the model for "wav" or "pcm" (outputFormat).` */
  hint?: string;
}

/**
 * Reads a RIFF/WAVE file of 16-bit integer, 32-bit float or 8-bit PCM. A data
 * size past the end (a streamed WAV) reads to the end. Anything else throws a
 * VoxpipeError (code `tts-bad-audio`) that says what was found.
 */
export function decodeWav(bytes: Uint8Array, wording: WavDecodeWording = {}): DecodedWav {
  const decodeError = (detail: string): VoxpipeError =>
    new VoxpipeError({ code: "tts-bad-audio", stage: "tts", message: `${wording.what ?? "The audio"} is not a WAV file voxpipe can read: ${detail}.${wording.hint ? ` ${wording.hint}` : ""}` });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number): string => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") throw decodeError(`it does not start with RIFF…WAVE (${bytes.byteLength} bytes)`);
  let format: { code: number; channels: number; sampleRate: number; bits: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === "fmt ") {
      const code = view.getUint16(body, true);
      format = {
        code: code === 0xfffe ? view.getUint16(body + 24, true) : code,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === "data") {
      if (!format) throw decodeError("its data chunk comes before its fmt chunk");
      const end = Math.min(bytes.byteLength, body + size);
      const pcm = samplesToFloat(bytes.subarray(body, end), format);
      if (!pcm) throw decodeError(`its samples are ${format.bits}-bit with format code ${format.code}; supported are 16-bit PCM, 32-bit float and 8-bit PCM`);
      return { sampleRate: format.sampleRate, channels: format.channels, pcm };
    }
    offset = body + size + (size % 2);
  }
  throw decodeError("it has no data chunk");
}

/** The samples as floats in [-1, 1]; undefined for a sample format it does not read. */
function samplesToFloat(data: Uint8Array, format: { code: number; bits: number }): Float32Array | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (format.code === 1 && format.bits === 16) {
    const out = new Float32Array(data.byteLength >> 1);
    for (let i = 0; i < out.length; i++) out[i] = view.getInt16(i * 2, true) / 0x8000;
    return out;
  }
  if (format.code === 3 && format.bits === 32) {
    const out = new Float32Array(data.byteLength >> 2);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
    return out;
  }
  if (format.code === 1 && format.bits === 8) {
    const out = new Float32Array(data.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = ((data[i] ?? 128) - 128) / 128;
    return out;
  }
  return undefined;
}
