// Part 2 — streaming vs whole reply with real local models: llm-llama-cpp on
// stories260K (completion, greedy, fixed seed, 1 thread, context 512, a reply
// of up to 300 tokens) into tts-espeak, and into tts-piper on the zero-shot
// fixture as an extra row where that package is built. Streaming and whole
// runs alternate run by run (the order flips every pair); figures are medians
// over 31 pairs (quick: 2).
//
// floorMs, per streaming run: the LLM's time to the text that completed the
// first segment (instrumented, from the start of its stream) plus the TTS's
// time to the first chunk of that segment's text, synthesized alone right
// after the run on the same provider (median of 3). overFloorPct is the median over the
// runs of (TTFA − floor) / floor. ttsInRunMs (not part of the floor) is the same
// segment's TTS time inside the run, so the excess can be split into the TTS's
// share (ttsInRunMs − floorTtsMs) and the pipeline's (the rest).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { drain, instrumentLlm, instrumentTts, measuredFloor } from "../lib/instrument.mjs";
import { distFile, importIfBuilt, loadCore, modelsDir, modelsDirUnset } from "../lib/paths.mjs";
import { median, round } from "../lib/stats.mjs";

export const PROMPT = "Once upon a time";
export const SAMPLING = { temperature: 0, seed: 42, maxTokens: 300 };
export const LLAMA = { contextSize: 512, threads: 1, chatTemplate: "completion", gpu: false, build: "never", download: false };

/** Time from synthesize() to the first chunk for `text` alone (each request is consumed whole); the median of 3. */
async function ttsAloneMs(tts, text) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    let first = null;
    for await (const _chunk of tts.synthesize({ text })) first ??= performance.now() - started;
    times.push(first);
  }
  return median(times);
}

async function measureRow({ core, defaults, llm, tts, llmLabel, ttsLabel, pairs, log }) {
  const request = { prompt: PROMPT, ...SAMPLING };
  const streamingRun = async () => {
    const l = instrumentLlm(llm);
    const t = instrumentTts(tts);
    const result = await drain(core.runPipeline, { ...defaults, llm: l.provider, tts: t.provider, request, mode: "streaming" });
    if (result.error) throw new Error(`streaming run failed: ${result.error}`);
    const first = t.state.requests[0];
    const floor = measuredFloor(l.state.runs[0], first);
    if (!floor || result.ttfaMs === null) throw new Error("streaming run produced no audio");
    const aloneMs = await ttsAloneMs(tts, first.text);
    const floorMs = floor.llmMs + aloneMs;
    return { ttfaMs: result.ttfaMs, floorMs, llmMs: floor.llmMs, ttsMs: aloneMs, ttsInRunMs: floor.ttsMs, metrics: result.metrics, firstSegment: result.firstSegment, outputTokens: l.state.runs[0].outputTokens };
  };
  const wholeRun = async () => {
    const result = await drain(core.runPipeline, { ...defaults, llm, tts, request, mode: "whole" });
    if (result.error || result.ttfaMs === null) throw new Error(`whole run failed: ${result.error ?? "no audio"}`);
    return result;
  };

  // Warm-up: loads the model and the engines, lets V8 optimize; not counted.
  await streamingRun();
  await wholeRun();

  const streaming = [];
  const whole = [];
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      streaming.push(await streamingRun());
      whole.push(await wholeRun());
    } else {
      whole.push(await wholeRun());
      streaming.push(await streamingRun());
    }
    log(`${ttsLabel} pair ${i + 1}/${pairs}: streaming ${streaming.at(-1).ttfaMs.toFixed(1)} ms (floor ${streaming.at(-1).floorMs.toFixed(1)} ms), whole ${whole.at(-1).ttfaMs.toFixed(1)} ms`);
  }
  const ttfaStreamingMs = median(streaming.map((r) => r.ttfaMs));
  const ttfaWholeMs = median(whole.map((r) => r.ttfaMs));
  const m = whole.at(-1).metrics;
  return {
    llm: llmLabel,
    tts: ttsLabel,
    ttfaStreamingMs: round(ttfaStreamingMs, 2),
    ttfaWholeMs: round(ttfaWholeMs, 2),
    ratio: round(ttfaWholeMs / ttfaStreamingMs, 2),
    floorMs: round(median(streaming.map((r) => r.floorMs)), 2),
    overFloorPct: round(median(streaming.map((r) => ((r.ttfaMs - r.floorMs) / r.floorMs) * 100)), 1),
    floorLlmMs: round(median(streaming.map((r) => r.llmMs)), 2),
    floorTtsMs: round(median(streaming.map((r) => r.ttsMs)), 2),
    ttsInRunMs: round(median(streaming.map((r) => r.ttsInRunMs)), 2),
    pairs,
    reply: { tokens: streaming.at(-1).outputTokens ?? null, chars: m?.chars ?? null, audioMs: round(m?.audioMs ?? null, 0), llmCharsPerSecond: round(m?.llmCharsPerSecond ?? null, 0), firstSegment: streaming.at(-1).firstSegment },
  };
}

export async function run({ quick, log }) {
  const { core, defaults } = await loadCore();
  const pairs = quick ? 2 : 31;
  const folder = modelsDir();
  if (!folder) return { skipped: modelsDirUnset };
  const llmFile = join(folder, "llm", "stories260K.gguf");
  if (!existsSync(llmFile)) return { skipped: `no model at ${llmFile} (set VOXPIPE_MODELS_DIR)` };
  const llama = await importIfBuilt(distFile("packages/llm-llama-cpp"), "@voxpipe/llm-llama-cpp");
  if (llama.skipped) return { skipped: llama.skipped };
  const espeak = await importIfBuilt(distFile("packages/tts-espeak"), "@voxpipe/tts-espeak");
  if (espeak.skipped) return { skipped: espeak.skipped };

  const llmLabel = `llama-cpp stories260K (completion, temperature 0, seed ${SAMPLING.seed}, ${LLAMA.threads} thread, context ${LLAMA.contextSize})`;
  const quiet = { configDir: process.cwd(), env: process.env, log: () => {} };
  const llm = llama.module.createLlamaCppLlm({ model: llmFile, ...LLAMA, ...SAMPLING }, quiet);
  try {
    const espeakTts = espeak.module.createEspeakTts({ voice: "en-us" });
    let row;
    try {
      row = await measureRow({ core, defaults, llm, tts: espeakTts, llmLabel, ttsLabel: "tts-espeak en-us", pairs, log });
    } finally {
      await espeakTts.dispose?.();
    }
    row.extraRows = [await piperRow({ core, defaults, llm, llmLabel, pairs, log })];
    return row;
  } finally {
    await llm.dispose();
  }
}

async function piperRow({ core, defaults, llm, llmLabel, pairs, log }) {
  const model = join(modelsDir() ?? "", "tts", "piper-plus-zero-shot-test.onnx");
  const label = "tts-piper zero-shot fixture (random weights)";
  if (!existsSync(model)) return { llm: llmLabel, tts: label, skipped: `no fixture at ${model}` };
  const piper = await importIfBuilt(distFile("packages/tts-piper"), "@voxpipe/tts-piper");
  if (piper.skipped) return { llm: llmLabel, tts: label, skipped: piper.skipped };
  let tts;
  try {
    tts = await piper.module.createPiperTts({ model, threads: 1 }, { configDir: process.cwd(), env: process.env, log: () => {} });
    return await measureRow({ core, defaults, llm, tts, llmLabel, ttsLabel: label, pairs, log });
  } catch (error) {
    return { llm: llmLabel, tts: label, skipped: `tts-piper failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
  } finally {
    await tts?.dispose?.();
  }
}
