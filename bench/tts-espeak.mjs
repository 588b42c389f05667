// Benchmark of @voxpipe/tts-espeak (eSpeak NG in WebAssembly, in-process).
// Build first (`cd packages/tts-espeak && npx tsc -p tsconfig.json`), then run
// `node bench/tts-espeak.mjs [--quick]`, or import `benchEspeak` from a runner.
import { pathToFileURL } from "node:url";
import { measureFirstAfterLoad, measureWarmTts, timeRequest } from "./lib/tts-bench.mjs";
import { createEspeakTts } from "../packages/tts-espeak/dist/index.js";

const SENTENCES = [
  "Hello there.",
  "How are you today?",
  "The quick brown fox jumps over the lazy dog.",
  "Streaming speech starts sounding before the whole answer has been written.",
  "It was a bright cold day in April, and the clocks were striking thirteen.",
  "Please set the timer for twelve minutes, then remind me to check the oven.",
  "Numbers such as 3.14 and 2,048 are read out in full, as are dates like 1 May 2025.",
  "One more sentence, with a comma, a semicolon; and a question at the end?",
];



/**
 * loadMs: a fresh provider's time to the first chunk of a one-word request (the
 * WebAssembly module and its 24 MB of voice data load lazily on that request).
 * ttfaMs: a warm provider's time from `synthesize()` to the first chunk, per sentence.
 * realTimeFactor: synthesis time / audio duration, per sentence (lower is faster).
 * firstAfterLoadMs: a fresh provider's time to first audio of its first sentence
 * right after `load()` (what the first reply of a voxpipe that loaded its
 * backends at start pays); loadCallMs: that `load()` call.
 * All are medians.
 */
export async function benchEspeak({ quick = false } = {}) {
  const loads = quick ? 2 : 5;
  const rounds = quick ? 1 : 3;
  const sentences = quick ? SENTENCES.slice(0, 4) : SENTENCES;

  const loadTimes = [];
  for (let i = 0; i < loads; i++) {
    const provider = createEspeakTts();
    try {
      loadTimes.push((await timeRequest(provider, "Ready.")).firstMs);
    } finally {
      await provider.dispose();
    }
  }

  const afterLoad = await measureFirstAfterLoad(() => createEspeakTts(), sentences[2], loads);

  const warm = await measureWarmTts(createEspeakTts(), sentences, rounds, loadTimes);
  return { ...warm, ...afterLoad };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes("--quick");
  const result = await benchEspeak({ quick });
  console.log(`tts-espeak${quick ? " (quick)" : ""}: load ${result.loadMs.toFixed(0)} ms, ` +
    `time to first audio ${result.ttfaMs.toFixed(1)} ms (first request after load() ${result.firstAfterLoadMs.toFixed(1)} ms; load() ${result.loadCallMs.toFixed(0)} ms), real-time factor ${result.realTimeFactor.toFixed(4)} ` +
    `(medians; ${result.samples.loads} loads, ${result.samples.requests} requests, ${result.samples.audioSeconds.toFixed(1)} s of audio)`);
}
