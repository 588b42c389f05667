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
 * What the first reply pays when voxpipe loads its backends at start: for
 * `loads` fresh providers from `create()`, the `load()` call (warm-up
 * included) and then the time to the first chunk of `text`. Medians.
 */
export async function measureFirstAfterLoad(create, text, loads) {
  const afterLoad = [];
  const loadCalls = [];
  for (let i = 0; i < loads; i++) {
    const provider = await create();
    try {
      const started = performance.now();
      await provider.load();
      loadCalls.push(performance.now() - started);
      afterLoad.push((await timeRequest(provider, text)).firstMs);
    } finally {
      await provider.dispose();
    }
  }
  return { firstAfterLoadMs: median(afterLoad), loadCallMs: median(loadCalls) };
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
