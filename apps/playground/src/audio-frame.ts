import { floatToPcm16 } from "@voxpipe/core";
import { AUDIO_FRAME_HEADER_BYTES, writeAudioFrame, type AudioFrameHeader } from "./audio-frame-codec.js";

export { AUDIO_FRAME_HEADER_BYTES, AUDIO_FRAME_MAGIC, AUDIO_FRAME_VERSION, decodeAudioFrame, writeAudioFrame, type AudioFrame, type AudioFrameHeader } from "./audio-frame-codec.js";

/** The server's side: float PCM → PCM16 → one frame (layout: `writeAudioFrame`), in a Buffer for the socket. */
export function encodeAudioFrame(header: AudioFrameHeader, pcm: Float32Array): Buffer {
  const samples = floatToPcm16(pcm);
  // Every byte is written by the encoder, so the buffer need not be zeroed.
  const frame = Buffer.allocUnsafe(AUDIO_FRAME_HEADER_BYTES + samples.byteLength);
  writeAudioFrame(header, samples, frame);
  return frame;
}
