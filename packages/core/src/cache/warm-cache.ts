import type { AudioChunk } from "../tts/audio-chunk.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import { AudioCache } from "./audio-cache.js";

/**
 * Synthesizes common openings ("Sure!", "Let me check that.") ahead of time so
 * a reply that starts with one plays at once — the seed's predictive caching.
 * Openings that fail to synthesize are reported and skipped.
 */
export async function warmAudioCache(
  cache: AudioCache,
  namespace: string,
  tts: TtsProvider,
  openings: readonly string[],
  options: { signal?: AbortSignal; onError?: (text: string, error: unknown) => void } = {},
): Promise<number> {
  let stored = 0;
  for (const text of openings) {
    const key = AudioCache.key(namespace, text);
    if (cache.has(key)) continue;
    try {
      const chunks: AudioChunk[] = [];
      for await (const chunk of tts.synthesize({ text, ...(options.signal ? { signal: options.signal } : {}) })) chunks.push(chunk);
      cache.set(key, chunks);
      stored++;
    } catch (error) {
      if (options.signal?.aborted) break;
      options.onError?.(text, error);
    }
  }
  return stored;
}
