// The binary audio frame's one encoder and decoder, used by the server and by the page.
// Browser-safe on purpose (no Node imports): the page loads the compiled module as /js/audio-frame-codec.js.

/** The four bytes every audio frame starts with: ASCII "VXPA". */
export const AUDIO_FRAME_MAGIC = 0x41505856; // "VXPA" read as a little-endian uint32
/** Version of the binary audio frame layout. */
export const AUDIO_FRAME_VERSION = 1;
/** Bytes before the samples. Even, so the PCM16 payload stays 2-byte aligned. */
export const AUDIO_FRAME_HEADER_BYTES = 28;

/** What an audio frame says about the samples it carries. */
export interface AudioFrameHeader {
  /** The run the audio belongs to (from `run-start`). */
  runId: number;
  segmentIndex: number;
  /** 0-based within the segment. */
  fragmentIndex: number;
  sampleRate: number;
  channels: number;
  /** When the pipeline yielded the audio, in ms since the run started. */
  atMs: number;
}

/** A decoded frame: its header and its interleaved PCM16 samples. */
export interface AudioFrame {
  header: AudioFrameHeader;
  samples: Int16Array;
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Encodes one audio fragment's PCM16 samples as a binary WebSocket frame (all integers little-endian):
 *
 * | offset | type   | field                          |
 * |-------:|--------|--------------------------------|
 * | 0      | u8[4]  | magic "VXPA"                   |
 * | 4      | u8     | version (1)                    |
 * | 5      | u8     | channels                       |
 * | 6      | u16    | reserved (0)                   |
 * | 8      | u32    | runId                          |
 * | 12     | u32    | segmentIndex                   |
 * | 16     | u32    | fragmentIndex                  |
 * | 20     | u32    | sampleRate (Hz)                |
 * | 24     | u32    | atMs (ms since the run started)|
 * | 28     | i16[]  | PCM16 samples, interleaved     |
 *
 * `frame` may be given to write into (at least header + 2 × samples bytes; the server passes unzeroed memory).
 */
export function writeAudioFrame(header: AudioFrameHeader, samples: Int16Array, frame = new Uint8Array(AUDIO_FRAME_HEADER_BYTES + samples.byteLength)): Uint8Array {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  view.setUint32(0, AUDIO_FRAME_MAGIC, true);
  view.setUint8(4, AUDIO_FRAME_VERSION);
  view.setUint8(5, header.channels);
  view.setUint16(6, 0, true);
  view.setUint32(8, header.runId, true);
  view.setUint32(12, header.segmentIndex, true);
  view.setUint32(16, header.fragmentIndex, true);
  view.setUint32(20, header.sampleRate, true);
  view.setUint32(24, Math.max(0, Math.round(header.atMs)), true);
  if (LITTLE_ENDIAN_HOST) {
    // The samples' memory is already little-endian PCM16: one copy (a tenth of the per-sample loop's time).
    frame.set(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength), AUDIO_FRAME_HEADER_BYTES);
  } else {
    for (let i = 0; i < samples.length; i++) view.setInt16(AUDIO_FRAME_HEADER_BYTES + i * 2, samples[i] ?? 0, true);
  }
  return frame;
}

/** Decodes a frame made by `writeAudioFrame`; the samples are PCM16 as on the wire. Throws on a wrong magic or version. */
export function decodeAudioFrame(frame: ArrayBuffer | Uint8Array): AudioFrame {
  const bytes = frame instanceof Uint8Array ? frame : new Uint8Array(frame);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < AUDIO_FRAME_HEADER_BYTES || view.getUint32(0, true) !== AUDIO_FRAME_MAGIC) {
    throw new Error('not a voxpipe audio frame: expected the magic bytes "VXPA"');
  }
  const version = view.getUint8(4);
  if (version !== AUDIO_FRAME_VERSION) throw new Error(`unsupported audio frame version ${version}; this build reads version ${AUDIO_FRAME_VERSION}`);
  const count = (bytes.byteLength - AUDIO_FRAME_HEADER_BYTES) >> 1;
  const samples = new Int16Array(count);
  for (let i = 0; i < count; i++) samples[i] = view.getInt16(AUDIO_FRAME_HEADER_BYTES + i * 2, true);
  return {
    header: {
      channels: view.getUint8(5),
      runId: view.getUint32(8, true),
      segmentIndex: view.getUint32(12, true),
      fragmentIndex: view.getUint32(16, true),
      sampleRate: view.getUint32(20, true),
      atMs: view.getUint32(24, true),
    },
    samples,
  };
}
