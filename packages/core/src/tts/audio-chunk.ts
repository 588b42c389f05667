/** The shape of PCM audio: how many samples per second and how many interleaved channels. */
export interface AudioFormat {
  /** Samples per second per channel, e.g. 22050 or 24000. */
  sampleRate: number;
  /** Interleaved channels; 1 for mono. */
  channels: number;
}

/** When a word starts and ends within the audio of one synthesis request. */
export interface WordTiming {
  /** The word as the engine reports it. */
  text: string;
  /** Start, in ms from the start of the request's audio. */
  startMs: number;
  /** End, in ms from the start of the request's audio. */
  endMs: number;
}

/** A piece of synthesized audio: PCM as 32-bit floats in [-1, 1], interleaved. */
export interface AudioChunk extends AudioFormat {
  /** The samples; length is frames × channels. */
  pcm: Float32Array;
  /** Word timings that fall within this chunk, where the engine provides them. */
  words?: WordTiming[];
}

/** Duration of a chunk of audio in milliseconds. */
export function audioDurationMs(chunk: AudioChunk): number {
  return (chunk.pcm.length / chunk.channels / chunk.sampleRate) * 1000;
}
