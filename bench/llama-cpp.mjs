// Benchmark of @voxpipe/llm-llama-cpp (llama.cpp in-process) on stories260K.
// Build first (`cd packages/llm-llama-cpp && npx tsc -p tsconfig.json`), then run
// `VOXPIPE_MODELS_DIR="$PWD/models" node bench/llama-cpp.mjs [--quick]`,
// or import `benchLlamaCpp` from a runner.
import { pathToFileURL } from "node:url";
import { createLlamaCppLlm } from "../packages/llm-llama-cpp/dist/index.js";

const PROMPT = "Once upon a time";
// Different openings, so a warm request cannot reuse the previous prompt's evaluated tokens.
const OPENINGS = ["One day, a little dog", "Tom and Sue went", "Once upon a time", "The sun was hot and", "Lily found a shiny", "A big bird sat on"];
const TOKENS = 200;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function provider(threads, modelsDir) {
  return createLlamaCppLlm(
    { model: "llm/stories260K.gguf", contextSize: 512, threads, gpu: false, build: "never", temperature: 0 },
    { configDir: process.cwd(), env: { VOXPIPE_MODELS_DIR: modelsDir }, log: () => {} },
  );
}

/** Times one request: ms to the first text, and generated tokens per second after it. */
async function timeRequest(llm, maxTokens, prompt = PROMPT) {
  const started = performance.now();
  let firstAt = 0;
  let outputTokens = 0;
  for await (const part of llm.stream({ prompt, maxTokens })) {
    if (part.type === "text-delta" && firstAt === 0) firstAt = performance.now();
    if (part.type === "error") throw part.error;
    if (part.type === "finish") outputTokens = part.usage?.outputTokens ?? 0;
  }
  const ended = performance.now();
  return { ttftMs: firstAt - started, tokensPerSecond: (outputTokens - 1) / ((ended - firstAt) / 1000), outputTokens };
}

async function rate(threads, modelsDir, rounds) {
  const llm = provider(threads, modelsDir);
  try {
    await timeRequest(llm, TOKENS); // load and warm up
    const rates = [];
    for (let i = 0; i < rounds; i++) rates.push((await timeRequest(llm, TOKENS)).tokensPerSecond);
    return median(rates);
  } finally {
    await llm.dispose();
  }
}

/**
 * loadMs: a fresh provider's time to its first token (finding the file, loading
 * the model, creating the context, evaluating the prompt). The llama.cpp
 * binding itself starts once per process, before these runs; its start is
 * reported as `bindingStartMs`.
 * ttftMs: a warm provider's time from `stream()` to the first text, for a new prompt.
 * firstAfterLoadMs: a fresh provider's time to the first text of its first request
 * right after `load()` (what the first reply pays when voxpipe loads its backends at
 * start); loadCallMs: that `load()` call, warm-up included.
 * tokensPerSecond1Thread / 2Threads: greedy generation of 200 tokens after the first.
 * All are medians; stories260K, context 512, CPU.
 */
export async function benchLlamaCpp({ quick = false } = {}) {
  const modelsDir = process.env.VOXPIPE_MODELS_DIR;
  if (!modelsDir) throw new Error("bench/llama-cpp.mjs needs VOXPIPE_MODELS_DIR (absolute path to the models folder with llm/stories260K.gguf)");
  const loads = quick ? 3 : 7;
  const rounds = quick ? 3 : 9;

  const bindingStarted = performance.now();
  const first = provider(1, modelsDir);
  try {
    await timeRequest(first, 1);
  } finally {
    await first.dispose();
  }
  const bindingStartMs = performance.now() - bindingStarted;

  const loadTimes = [];
  for (let i = 0; i < loads; i++) {
    const llm = provider(1, modelsDir);
    try {
      loadTimes.push((await timeRequest(llm, 1)).ttftMs);
    } finally {
      await llm.dispose();
    }
  }

  const afterLoad = [];
  const loadCalls = [];
  for (let i = 0; i < loads; i++) {
    const llm = provider(1, modelsDir);
    try {
      const started = performance.now();
      await llm.load();
      loadCalls.push(performance.now() - started);
      afterLoad.push((await timeRequest(llm, 8, OPENINGS[i % OPENINGS.length])).ttftMs);
    } finally {
      await llm.dispose();
    }
  }

  const llm = provider(1, modelsDir);
  const ttft = [];
  try {
    await timeRequest(llm, 8);
    for (let i = 0; i < rounds; i++) ttft.push((await timeRequest(llm, 8, OPENINGS[i % OPENINGS.length])).ttftMs);
  } finally {
    await llm.dispose();
  }

  return {
    loadMs: median(loadTimes),
    ttftMs: median(ttft),
    firstAfterLoadMs: median(afterLoad),
    loadCallMs: median(loadCalls),
    tokensPerSecond1Thread: await rate(1, modelsDir, rounds),
    tokensPerSecond2Threads: await rate(2, modelsDir, rounds),
    bindingStartMs,
    samples: { loads, rounds, tokensPerRun: TOKENS },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const quick = process.argv.includes("--quick");
  const result = await benchLlamaCpp({ quick });
  console.log(`llm-llama-cpp stories260K${quick ? " (quick)" : ""}: load ${result.loadMs.toFixed(1)} ms, ` +
    `time to first token ${result.ttftMs.toFixed(2)} ms (first request after load() ${result.firstAfterLoadMs.toFixed(2)} ms; load() ${result.loadCallMs.toFixed(0)} ms), ${result.tokensPerSecond1Thread.toFixed(0)} tok/s with 1 thread, ` +
    `${result.tokensPerSecond2Threads.toFixed(0)} tok/s with 2 threads ` +
    `(medians; ${result.samples.loads} loads, ${result.samples.rounds} runs of ${result.samples.tokensPerRun} tokens; llama.cpp binding start ${result.bindingStartMs.toFixed(0)} ms)`);
}
