// Shared measurement for the per-backend TTS benchmarks (bench/tts-espeak.mjs, bench/tts-piper.mjs).
import { median } from "./stats.mjs";

/** Times one request: ms to its first chunk, ms to its end, seconds of audio. */
export async function timeRequest(provider, text) {
  const started = performance.now();
  let firstMs = 0;
  let frames = 0;
  for await (const chunk of provider.synthesize({ text })) {
    if (firstMs === 0) firstMs = performance.now() - started;
    frames += chunk.pcm.length / chunk.channels;
  }
  return { firstMs, totalMs: performance.now() - started, audioSeconds: frames / provider.format.sampleRate };
}

/**
 * Warms `provider` up on all `sentences` at once, then times each sentence
 * `rounds` times. Returns the medians of time to first audio and real-time
 * factor (synthesis time / audio duration), with `loadTimes`' median as loadMs.
 * Disposes the provider.
 */
export async function measureWarmTts(provider, sentences, rounds, loadTimes) {
  const ttfa = [];
  const factors = [];
  let audioSeconds = 0;
  try {
    await timeRequest(provider, sentences.join(" ")); // lets V8 optimize the engine code first
    for (let round = 0; round < rounds; round++) {
      for (const text of sentences) {
        const result = await timeRequest(provider, text);
        ttfa.push(result.firstMs);
        factors.push(result.totalMs / 1000 / result.audioSeconds);
        audioSeconds += result.audioSeconds;
      }
    }
  } finally {
    await provider.dispose();
  }
  return {
    loadMs: median(loadTimes),
    ttfaMs: median(ttfa),
    realTimeFactor: median(factors),
    samples: { loads: loadTimes.length, requests: ttfa.length, audioSeconds },
  };
}
