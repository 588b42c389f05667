import { VoxpipeError } from "@voxpipe/core";

/** The PCM a WAV holds and its format. */
export interface WavAudio {
  sampleRate: number;
  channels: number;
  /** The `data` chunk as float samples in [-1, 1], interleaved. */
  pcm: Float32Array;
}

/**
 * Reads a whole 16-bit PCM WAV (RIFF … WAVE, a `fmt ` chunk, then `data`;
 * other chunks such as `LIST` are skipped). `source` names the server in the
 * error a malformed answer gets.
 */
export function parseWav(bytes: Uint8Array, source: string): WavAudio {
  const bad = (why: string) =>
    new VoxpipeError({ code: "tts-bad-response", stage: "tts", message: `The TTS server at ${source} answered with something that is not a 16-bit PCM WAV: ${why}. Check that \`url\` points at the server's TTS endpoint.` });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || ascii(bytes, 0) !== "RIFF" || ascii(bytes, 8) !== "WAVE") throw bad(`it starts with "${ascii(bytes, 0)}", not "RIFF…WAVE"`);
  let format: { sampleRate: number; channels: number } | undefined;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === "fmt ") {
      const tag = view.getUint16(body, true);
      const bits = view.getUint16(body + 14, true);
      if (tag !== 1 || bits !== 16) throw bad(`its format is ${tag} at ${bits} bits per sample`);
      format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true) };
    } else if (id === "data") {
      if (!format) throw bad("its `data` chunk comes before `fmt `");
      // Servers that stream write 0 or 0xFFFFFFFF as the size: the data runs to the end.
      const end = size === 0 || size === 0xffffffff ? bytes.length : Math.min(bytes.length, body + size);
      const samples = Math.floor((end - body) / 2);
      const pcm = new Float32Array(samples);
      for (let i = 0; i < samples; i++) pcm[i] = view.getInt16(body + i * 2, true) / 0x8000;
      return { ...format, pcm };
    }
    offset = body + size + (size % 2);
  }
  throw bad("it has no `data` chunk");
}

const ascii = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
