import { FormatConverter } from "../audio/format-converter.js";
import { VoxpipeError } from "../errors/voxpipe-error.js";
import { iterateWithLimits, timeoutError } from "../pipeline/iterate-with-limits.js";
import type { AudioChunk, AudioFormat } from "../tts/audio-chunk.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import type { TtsRequest } from "../tts/tts-request.js";

/**
 * One request to one backend, collected to the end: its audio in `format`.
 * Rejects when the backend fails, yields no audio for non-blank text, or
 * takes longer than `timeoutMs` (0: no limit); the backend's call is then
 * aborted. Rejects with an AbortError when `request.signal` fires.
 */
export async function synthesizeWhole(backend: TtsProvider, request: TtsRequest, limits: { format: AudioFormat; timeoutMs: number }): Promise<AudioChunk[]> {
  // The attempt's own signal: a timeout stops this backend's call without ending the caller's request.
  const attempt = new AbortController();
  const stop = (): void => attempt.abort();
  request.signal?.addEventListener("abort", stop, { once: true });
  if (request.signal?.aborted) attempt.abort();
  const deadline = limits.timeoutMs > 0 ? performance.now() + limits.timeoutMs : undefined;
  const converter = new FormatConverter(limits.format);
  const chunks: AudioChunk[] = [];
  const keep = (chunk: AudioChunk): void => {
    if (chunk.pcm.length > 0) chunks.push(chunk);
  };
  try {
    const stream = iterateWithLimits(backend.synthesize({ ...request, signal: attempt.signal }), attempt.signal, "tts", () =>
      deadline === undefined
        ? undefined
        : {
            ms: Math.max(1, deadline - performance.now()),
            error: () => timeoutError("tts", "tts-timeout", `TTS backend ${backend.id} took longer than ${limits.timeoutMs} ms (attemptTimeoutMs) to synthesize "${request.text.slice(0, 40)}".`),
          },
    );
    for await (const chunk of stream) keep(await converter.convert(chunk));
    keep(converter.flush());
  } catch (error) {
    attempt.abort();
    throw error;
  } finally {
    converter.dispose();
    request.signal?.removeEventListener("abort", stop);
  }
  if (chunks.length === 0 && request.text.trim().length > 0) {
    throw new VoxpipeError({ code: "tts-no-audio", stage: "tts", message: `TTS backend ${backend.id} returned no audio for "${request.text.slice(0, 40)}".` });
  }
  return chunks;
}
