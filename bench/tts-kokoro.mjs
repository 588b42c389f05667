// Benchmark of @voxpipe/tts-kokoro on the generated test model (Kokoro v1.0's interface, a tone per
// token: it measures voxpipe's side — phonemizing, tokenizing, the inference worker — not Kokoro's
// 82M parameters). The model is written into a temp dir by packages/tts-kokoro/scripts/make-test-model.mjs.
// Build first (`pnpm build`), then run `node bench/tts-kokoro.mjs [--quick]`, or import `benchKokoro`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { measureFirstAfterLoad, measureWarmTts, timeRequest } from "./lib/tts-bench.mjs";
import { createKokoroTts } from "../packages/tts-kokoro/dist/index.js";
import { writeTestModel } from "../packages/tts-kokoro/scripts/make-test-model.mjs";

const SENTENCES = [
  "Hello.",
  "How are you today?",
  "The quick brown fox jumps over the lazy dog.",
  "Kokoro speaks this reply one sentence at a time, while the next one is being synthesized.",
  "It costs $3.50 in 1999; ninety people agree, and the rest of them would rather not say.",
  "A longer sentence, with several clauses in it, gives the phonemizer and the tokenizer more to do: commas, a colon, and a semicolon; then the end.",
];

/**
 * loadMs: a fresh provider's time from `createKokoroTts` to the first chunk of a one-word request (reading
 * the voice, starting the inference worker, loading the ONNX session; eSpeak's WebAssembly loads once per process).
 * ttfaMs: a warm provider's time from `synthesize()` to the first chunk, per request.
 * realTimeFactor: synthesis time / audio duration, per request (lower is faster).
 * firstAfterLoadMs / loadCallMs: a fresh provider's first audio right after `load()`, and that call.
 * All are medians.
 */
export async function benchKokoro({ quick = false } = {}) {
  const loads = quick ? 2 : 5;
  const rounds = quick ? 1 : 3;
  const sentences = quick ? SENTENCES.slice(0, 4) : SENTENCES;
  const dir = mkdtempSync(join(tmpdir(), "voxpipe-bench-kokoro-"));
  try {
    const { model } = writeTestModel(dir);
    const create = () => createKokoroTts({ model, voice: "af_test", threads: 1 }, { configDir: dir, env: {}, log: () => {} });
    const loadTimes = [];
    for (let i = 0; i < loads; i++) {
      const started = performance.now();
      const provider = await create();
      try {
        await timeRequest(provider, "Hello.");
        loadTimes.push(performance.now() - started);
      } finally {
        await provider.dispose();
      }
    }
    const afterLoad = await measureFirstAfterLoad(create, sentences[2], loads);
    const warm = await measureWarmTts(await create(), sentences, rounds, loadTimes);
    return { ...warm, ...afterLoad };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes("--quick");
  const result = await benchKokoro({ quick });
  console.log(`tts-kokoro (generated test model)${quick ? " (quick)" : ""}: load ${result.loadMs.toFixed(0)} ms, ` +
    `time to first audio ${result.ttfaMs.toFixed(1)} ms (first request after load() ${result.firstAfterLoadMs.toFixed(1)} ms; load() ${result.loadCallMs.toFixed(0)} ms), real-time factor ${result.realTimeFactor.toFixed(4)} ` +
    `(medians; ${result.samples.loads} loads, ${result.samples.requests} requests, ${result.samples.audioSeconds.toFixed(1)} s of audio)`);
}
