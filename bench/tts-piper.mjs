// Benchmark of @voxpipe/tts-piper on the piper-plus zero-shot fixture (a full
// VITS graph with random weights: the work of a real, if small, Piper voice).
// Build first (`cd packages/tts-piper && npx tsc -p tsconfig.json`), then run
// `VOXPIPE_MODELS_DIR="$PWD/models" node bench/tts-piper.mjs [--quick]`,
// or import `benchPiper` from a runner.
import { fileURLToPath, pathToFileURL } from "node:url";
import { measureFirstAfterLoad, measureWarmTts, timeRequest } from "./lib/tts-bench.mjs";
import { createPiperTts } from "../packages/tts-piper/dist/index.js";

// The fixture's phoneme map knows only a, n, o and the space, so the text uses
// words made of them; eSpeak's other phonemes (stress marks, ə, …) are skipped.
const SENTENCES = [
  "Nano.",
  "Anna, no.",
  "Nona anon, nano anna.",
  "No, Anna, no nano noon anon.",
  "Nano anna nona anon noon, nano anna nona.",
  "Anna and Nona, nano noon anon; no nano anna nona anon noon.",
];


function context() {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const modelsDir = process.env.VOXPIPE_MODELS_DIR;
  if (!modelsDir) throw new Error("bench/tts-piper.mjs needs VOXPIPE_MODELS_DIR (the models folder with tts/piper-plus-zero-shot-test.onnx; `pnpm fixtures` downloads it)");
  return { configDir: here, env: { ...process.env, VOXPIPE_MODELS_DIR: modelsDir }, log: () => {} };
}


/**
 * loadMs: a fresh provider's time from `createPiperTts` to the first chunk of a
 * one-word request (reading the config, starting the inference worker, loading
 * the ONNX session; the shared eSpeak WebAssembly module loads only once per process).
 * ttfaMs: a warm provider's time from `synthesize()` to the first chunk, per request.
 * realTimeFactor: synthesis time / audio duration, per request (lower is faster).
 * firstAfterLoadMs: a fresh provider's time to first audio of one sentence right
 * after `load()` (what the first reply pays when voxpipe loads its backends at
 * start); loadCallMs: that `load()` call, warm-up included.
 * All are medians.
 */
export async function benchPiper({ quick = false } = {}) {
  const loads = quick ? 2 : 5;
  const rounds = quick ? 1 : 3;
  const sentences = quick ? SENTENCES.slice(0, 4) : SENTENCES;
  const options = { model: "piper-plus-zero-shot-test.onnx" };

  const loadTimes = [];
  for (let i = 0; i < loads; i++) {
    const started = performance.now();
    const provider = await createPiperTts(options, context());
    try {
      await timeRequest(provider, "Nano.");
      loadTimes.push(performance.now() - started);
    } finally {
      await provider.dispose();
    }
  }

  const afterLoad = await measureFirstAfterLoad(() => createPiperTts(options, context()), sentences[2], loads);
  const warm = await measureWarmTts(await createPiperTts(options, context()), sentences, rounds, loadTimes);
  return { ...warm, ...afterLoad };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes("--quick");
  const result = await benchPiper({ quick });
  console.log(`tts-piper (piper-plus zero-shot fixture)${quick ? " (quick)" : ""}: load ${result.loadMs.toFixed(0)} ms, ` +
    `time to first audio ${result.ttfaMs.toFixed(1)} ms (first request after load() ${result.firstAfterLoadMs.toFixed(1)} ms; load() ${result.loadCallMs.toFixed(0)} ms), real-time factor ${result.realTimeFactor.toFixed(4)} ` +
    `(medians; ${result.samples.loads} loads, ${result.samples.requests} requests, ${result.samples.audioSeconds.toFixed(1)} s of audio)`);
}
