import type { SpeechModelV4, SpeechModelV4CallOptions } from "@ai-sdk/provider";
import { VoxpipeError, createStreamResampler, decodeWav, isAbortError, pcm16BytesToFloat, type AudioChunk, type TtsProvider } from "@voxpipe/core";
import { aiSdkErrorToVoxpipe } from "./ai-sdk-error.js";
import { downmix } from "./downmix.js";

/** How a WAV the speech model returned that voxpipe cannot read is reported. */
const SPEECH_MODEL_WAV = { what: "The speech model's audio", hint: 'Ask the model for "wav" or "pcm" (outputFormat).' };

/** Options of `ttsFromAiSdk`. */
export interface TtsFromAiSdkOptions {
  /** The model's voice (provider-specific); the model's default when omitted. */
  voice?: string;
  /**
   * What to ask the model for: "wav" (default) or "pcm" (16-bit little-endian
   * mono). Name it as the provider does, e.g. "pcm_24000" for ElevenLabs.
   */
  outputFormat?: string;
  /** The sample rate of "pcm" audio (which has no header). Default 24000. */
  pcmSampleRate?: number;
  /** The rate every chunk is delivered at (voxpipe's `format`); audio at another rate is resampled to it. Default `pcmSampleRate`, or 24000. */
  sampleRate?: number;
  language?: string;
  instructions?: string;
  /** Passed through to the model (keyed by provider name). */
  providerOptions?: SpeechModelV4CallOptions["providerOptions"];
  headers?: Record<string, string | undefined>;
}

/**
 * Any AI SDK speech model (`SpeechModelV4`: OpenAI, ElevenLabs, LMNT, Hume,
 * Deepgram, …) as a voxpipe TTS that returns each segment whole. voxpipe's
 * segmenting then makes a model that only takes complete text speak while the
 * reply is still being written. The model's audio must be WAV or raw PCM.
 */
export function ttsFromAiSdk(model: SpeechModelV4, options: TtsFromAiSdkOptions = {}): TtsProvider {
  const container = (options.outputFormat ?? "wav").toLowerCase().startsWith("pcm") ? "pcm" : "wav";
  const sampleRate = options.sampleRate ?? options.pcmSampleRate ?? 24_000;
  const pcmRate = options.pcmSampleRate ?? sampleRate;
  return {
    id: `ai-sdk:${model.provider}`,
    voice: options.voice ?? model.modelId,
    format: { sampleRate, channels: 1 },
    streaming: "whole",
    async *synthesize(request): AsyncGenerator<AudioChunk> {
      const text = request.text.trim();
      if (!text) return;
      let audio: string | Uint8Array;
      try {
        const result = await model.doGenerate({
          text,
          outputFormat: options.outputFormat ?? "wav",
          ...(request.voice ?? options.voice ? { voice: request.voice ?? options.voice } : {}),
          ...(request.speed !== undefined ? { speed: request.speed } : {}),
          ...(options.language ? { language: options.language } : {}),
          ...(options.instructions ? { instructions: options.instructions } : {}),
          ...(options.providerOptions ? { providerOptions: options.providerOptions } : {}),
          ...(options.headers ? { headers: options.headers } : {}),
          ...(request.signal ? { abortSignal: request.signal } : {}),
        });
        audio = result.audio;
      } catch (error) {
        if (request.signal?.aborted || isAbortError(error)) throw VoxpipeError.from(error, "tts", "aborted");
        throw aiSdkErrorToVoxpipe(error, model, "tts");
      }
      const bytes = typeof audio === "string" ? Uint8Array.from(Buffer.from(audio, "base64")) : audio;
      const decoded = container === "wav" ? decodeWav(bytes, SPEECH_MODEL_WAV) : { sampleRate: pcmRate, channels: 1, pcm: pcm16BytesToFloat(bytes.subarray(0, bytes.byteLength & ~1)) };
      const mono = downmix(decoded.pcm, decoded.channels);
      if (decoded.sampleRate === sampleRate) {
        yield { pcm: mono, sampleRate, channels: 1 };
        return;
      }
      const resampler = await createStreamResampler(1, decoded.sampleRate, sampleRate);
      try {
        const head = resampler.push(mono);
        const tail = resampler.flush();
        const pcm = new Float32Array(head.length + tail.length);
        pcm.set(head, 0);
        pcm.set(tail, head.length);
        yield { pcm, sampleRate, channels: 1 };
      } finally {
        resampler.dispose();
      }
    },
  };
}
