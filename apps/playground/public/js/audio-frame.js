// Decodes the server's binary audio frames. Layout (little-endian), see README "Protocol":
// 0 "VXPA" · 4 u8 version · 5 u8 channels · 6 u16 reserved · 8 u32 runId · 12 u32 segmentIndex
// 16 u32 fragmentIndex · 20 u32 sampleRate · 24 u32 atMs · 28 i16[] interleaved PCM16 samples.

export const AUDIO_FRAME_HEADER_BYTES = 28;
const MAGIC = 0x41505856; // "VXPA"
const VERSION = 1;

/**
 * @param {ArrayBuffer} buffer
 * @returns {{ runId: number, segmentIndex: number, fragmentIndex: number, sampleRate: number, channels: number, atMs: number, samples: Int16Array }}
 */
export function decodeAudioFrame(buffer) {
  const view = new DataView(buffer);
  if (buffer.byteLength < AUDIO_FRAME_HEADER_BYTES || view.getUint32(0, true) !== MAGIC) throw new Error("not a voxpipe audio frame");
  const version = view.getUint8(4);
  if (version !== VERSION) throw new Error(`unsupported audio frame version ${version}`);
  const count = (buffer.byteLength - AUDIO_FRAME_HEADER_BYTES) >> 1;
  const samples = new Int16Array(count);
  for (let i = 0; i < count; i++) samples[i] = view.getInt16(AUDIO_FRAME_HEADER_BYTES + i * 2, true);
  return {
    channels: view.getUint8(5),
    runId: view.getUint32(8, true),
    segmentIndex: view.getUint32(12, true),
    fragmentIndex: view.getUint32(16, true),
    sampleRate: view.getUint32(20, true),
    atMs: view.getUint32(24, true),
    samples,
  };
}
