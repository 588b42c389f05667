import { VoxpipeError } from "@voxpipe/core";

/** The size fields of a WAV header written before the length of the audio is known (players read to the end). */
export const STREAMED_WAV_SIZE = 0xffffffff;

/** A 44-byte header of 16-bit PCM WAV; `dataBytes` omitted writes the streamed (unknown) size. */
export function wavHeader(sampleRate: number, channels: number, dataBytes?: number): Uint8Array {
  const header = new Uint8Array(44);
  const view = new DataView(header.buffer);
  const ascii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i++) header[offset + i] = text.charCodeAt(i);
  };
  const data = dataBytes ?? STREAMED_WAV_SIZE;
  ascii(0, "RIFF");
  view.setUint32(4, dataBytes === undefined ? STREAMED_WAV_SIZE : 36 + data, true);
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
  view.setUint32(40, data, true);
  return header;
}

/** PCM read from a WAV file: interleaved floats in [-1, 1]. */
export interface DecodedWav {
  sampleRate: number;
  channels: number;
  pcm: Float32Array;
}

const decodeError = (detail: string): VoxpipeError =>
  new VoxpipeError({ code: "tts-bad-audio", stage: "tts", message: `The speech model's audio is not a WAV file voxpipe can read: ${detail}. Ask the model for "wav" or "pcm" (outputFormat).` });

/** Reads a RIFF/WAVE file of 16-bit integer, 32-bit float or 8-bit PCM. A data size past the end (a streamed WAV) reads to the end. */
export function decodeWav(bytes: Uint8Array): DecodedWav {
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
      return { sampleRate: format.sampleRate, channels: format.channels, pcm: samplesToFloat(bytes.subarray(body, end), format) };
    }
    offset = body + size + (size % 2);
  }
  throw decodeError("it has no data chunk");
}

function samplesToFloat(data: Uint8Array, format: { code: number; bits: number }): Float32Array {
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
  throw decodeError(`its samples are ${format.bits}-bit with format code ${format.code}; supported are 16-bit PCM, 32-bit float and 8-bit PCM`);
}
