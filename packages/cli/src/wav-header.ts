/** Bytes in the canonical 16-bit PCM WAV header this package writes. */
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

/** A 44-byte header for 16-bit PCM; `dataBytes` undefined writes the streamed sizes. */
export function wavHeader({ sampleRate, channels }: WavFormat, dataBytes: number | undefined): Uint8Array {
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

/** Interleaved float samples as little-endian 16-bit PCM bytes. */
export function pcm16Bytes(samples: Int16Array): Uint8Array {
  return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
}
