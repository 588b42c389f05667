import type { SharedV4AudioFormat, SharedV4Warning } from "@ai-sdk/provider";
import { WAV_HEADER_BYTES, createStreamResampler, floatToPcm16, pcm16Bytes, wavHeader, type AudioFormat, type StreamResampler } from "@voxpipe/core";
import { downmix } from "./downmix.js";

/** The container of the bytes a speech call returns: raw 16-bit little-endian PCM, or that PCM inside WAV. */
export type OutputContainer = "pcm" | "wav";

/** What the caller asked for, as voxpipe will produce it. */
export interface OutputPlan {
  container: OutputContainer;
  /** Output sample rate; the TTS audio is resampled to it when they differ. */
  sampleRate: number;
  /** `audioFormat` of every audio part. */
  audioFormat: SharedV4AudioFormat;
  warnings: SharedV4Warning[];
}

const containerOf: Record<string, OutputContainer> = {
  "audio/pcm": "pcm",
  "audio/l16": "pcm",
  pcm: "pcm",
  "audio/wav": "wav",
  "audio/wave": "wav",
  "audio/x-wav": "wav",
  wav: "wav",
};

/**
 * Plans the output for a requested format (`{ type, rate }` of a stream call,
 * or a name such as "wav" of a generate call). Formats voxpipe cannot encode
 * (mp3, opus, …) fall back to `fallback` with an `unsupported` warning.
 */
export function planOutput(requested: SharedV4AudioFormat | string | undefined, tts: AudioFormat, fallback: OutputContainer): OutputPlan {
  const type = typeof requested === "string" ? requested : requested?.type;
  const rate = typeof requested === "object" ? requested.rate : undefined;
  const warnings: SharedV4Warning[] = [];
  let container = type === undefined ? fallback : containerOf[type.toLowerCase()];
  if (!container) {
    container = fallback;
    warnings.push({ type: "unsupported", feature: "outputFormat", details: `voxpipe encodes audio/pcm (16-bit little-endian, mono) and audio/wav, not "${type}"; sending ${fallback === "wav" ? "audio/wav" : "audio/pcm"}.` });
  }
  let sampleRate = tts.sampleRate;
  if (rate !== undefined) {
    if (Number.isInteger(rate) && rate >= 8000 && rate <= 192_000) sampleRate = rate;
    else warnings.push({ type: "unsupported", feature: "outputFormat.rate", details: `expected a whole number of Hz from 8000 to 192000, got ${rate}; sending ${tts.sampleRate} Hz.` });
  }
  return { container, sampleRate, audioFormat: { type: container === "wav" ? "audio/wav" : "audio/pcm", rate: sampleRate }, warnings };
}

/** Turns the pipeline's float audio into the planned bytes: mono, resampled when asked, 16-bit little-endian, a WAV header first. */
export class AudioEncoder {
  private resampler: StreamResampler | undefined;
  private headerSent = false;

  constructor(private readonly plan: OutputPlan) {}

  /** The bytes of one pipeline audio event (may be empty while a resampler fills). */
  async encode(pcm: Float32Array, sampleRate: number, channels: number): Promise<Uint8Array> {
    let mono = downmix(pcm, channels);
    if (sampleRate !== this.plan.sampleRate) {
      if (this.resampler && this.resampler.fromRate !== sampleRate) this.dispose();
      this.resampler ??= await createStreamResampler(1, sampleRate, this.plan.sampleRate);
      mono = this.resampler.push(mono);
    }
    return this.withHeader(pcm16Bytes(floatToPcm16(mono)));
  }

  /** The resampler's tail at the end of the audio (empty when nothing was resampled), and frees it. */
  finish(): Uint8Array {
    const tail = this.resampler?.flush() ?? new Float32Array(0);
    this.dispose();
    return this.withHeader(pcm16Bytes(floatToPcm16(tail)));
  }

  dispose(): void {
    this.resampler?.dispose();
    this.resampler = undefined;
  }

  private withHeader(bytes: Uint8Array): Uint8Array {
    if (this.plan.container !== "wav" || this.headerSent || bytes.byteLength === 0) return bytes;
    this.headerSent = true;
    const out = new Uint8Array(WAV_HEADER_BYTES + bytes.byteLength);
    out.set(wavHeader({ sampleRate: this.plan.sampleRate, channels: 1 }), 0);
    out.set(bytes, WAV_HEADER_BYTES);
    return out;
  }
}

