// Part 11 — what a listener hears at the segment joins. Each passage of
// bench/lib/passages.mjs (17; quick: 6) is rendered three ways per backend:
// the engine speaking it in one call, and streamed through runPipeline (the
// scripted LLM, a TEST DOUBLE, sending it in small pieces; the default
// segmenter; 2 segments synthesized at once) with `pauses: false` (the audio
// exactly as the TTS produced it: the baseline) and with pauses on (the
// engine's pauses learned by measurePauseProfile). Figures, per backend, over
// all passages: streamed ÷ one-call duration, pauses of 150 ms or more
// missing against the one-call rendering, and joins with a sample
// discontinuity. eSpeak NG always runs; Piper runs on the zero-shot fixture
// (random weights, noise not speech: its timing only) when
// $VOXPIPE_MODELS_DIR has it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { distFile, importIfBuilt, loadCore, modelsDir } from "../lib/paths.mjs";
import { comparePassage, LONG_PAUSE_MS } from "../lib/passage-joins.mjs";
import { PASSAGES, QUICK_PASSAGE_INDEXES } from "../lib/passages.mjs";
import { renderOneCall, renderStreamed } from "../lib/render-passage.mjs";
import { median, round } from "../lib/stats.mjs";

/** Longest any one rendering may take before it is aborted. */
const RENDER_LIMIT_MS = 60_000;

/** Join kinds where the text calls for a full stop's pause. */
const END_KINDS = ["sentence", "paragraph", "line"];

const sum = (values) => values.reduce((a, b) => a + b, 0);
const worst = (ratios) => ratios.reduce((a, b) => (Math.abs(b - 1) > Math.abs(a - 1) ? b : a), 1);

/** The row's figures over its passages. */
function summarize(passages) {
  const total = (key) => sum(passages.map((p) => p.durationMs[key]));
  const ratio = (key) => round(total(key) / total("oneCall"), 4);
  const missing = (key) => sum(passages.map((p) => Math.max(0, p.pauses150.oneCall - p.pauses150[key])));
  const joins = passages.flatMap((p) => p.joins);
  const byKind = {};
  for (const kind of [...new Set(joins.map((j) => j.kind))]) {
    const of = joins.filter((j) => j.kind === kind);
    const aligned = of.filter((j) => j.oneCallMs !== null);
    byKind[kind] = {
      joins: of.length,
      oneCallMedianMs: aligned.length ? round(median(aligned.map((j) => j.oneCallMs)), 0) : null,
      offMedianMs: round(median(of.map((j) => j.offMs)), 0),
      onMedianMs: round(median(of.map((j) => j.onMs)), 0),
    };
  }
  // Joins at a sentence end, a paragraph break or a list item where the engine, in one call, pauses 150 ms or more: "short" when the streamed pause is under half of that.
  const ends = joins.filter((j) => END_KINDS.includes(j.kind) && j.oneCallMs !== null && j.oneCallMs >= LONG_PAUSE_MS);
  return {
    durationRatio: { off: ratio("off"), on: ratio("on") },
    worstPassageRatio: {
      off: round(worst(passages.map((p) => p.durationMs.off / p.durationMs.oneCall)), 4),
      on: round(worst(passages.map((p) => p.durationMs.on / p.durationMs.oneCall)), 4),
    },
    pauses150: { oneCall: sum(passages.map((p) => p.pauses150.oneCall)), off: sum(passages.map((p) => p.pauses150.off)), on: sum(passages.map((p) => p.pauses150.on)) },
    pauses250: { oneCall: sum(passages.map((p) => p.pauses250.oneCall)), off: sum(passages.map((p) => p.pauses250.off)), on: sum(passages.map((p) => p.pauses250.on)) },
    missingPauses150: { off: missing("off"), on: missing("on") },
    sentenceJoinsShort: { joins: ends.length, off: ends.filter((j) => j.offMs < j.oneCallMs / 2).length, on: ends.filter((j) => j.onMs < j.oneCallMs / 2).length },
    joins: joins.length,
    discontinuities: { off: sum(passages.map((p) => p.discontinuities.off)), on: sum(passages.map((p) => p.discontinuities.on)) },
    worstJumpRatio: { off: Math.max(0, ...joins.map((j) => j.jumpRatioOff)), on: Math.max(0, ...joins.map((j) => j.jumpRatioOn ?? 0)) },
    innerDiscontinuities: { off: sum(passages.map((p) => p.innerDiscontinuities.off)), on: sum(passages.map((p) => p.innerDiscontinuities.on)) },
    pauseByJoinKind: byKind,
  };
}

async function measureBackend({ core, testing, defaults, tts, label, timingOnly, indexes, log }) {
  await tts.load?.();
  const profile = typeof core.measurePauseProfile === "function" ? await core.measurePauseProfile(tts) : null;
  const pausesOn = profile ? { learned: profile } : undefined;
  const passages = [];
  for (const index of indexes) {
    const text = PASSAGES[index];
    const oneCall = await renderOneCall(tts, text, AbortSignal.timeout(RENDER_LIMIT_MS));
    const streamed = (pauses) => renderStreamed({ core, testing, defaults, tts, text, pauses, signal: AbortSignal.timeout(RENDER_LIMIT_MS) });
    const off = await streamed(false);
    const on = await streamed(pausesOn);
    if (off.sampleRate !== oneCall.sampleRate || on.sampleRate !== oneCall.sampleRate) throw new Error(`${label}, passage ${index}: streamed at ${off.sampleRate}/${on.sampleRate} Hz, one call at ${oneCall.sampleRate} Hz`);
    const compared = comparePassage({ index, text, oneCall, off, on });
    passages.push(compared);
    log(`${label} #${index}: ${compared.segments} segments; duration one call ${compared.durationMs.oneCall} ms, off ${compared.durationMs.off} ms, on ${compared.durationMs.on} ms; pauses ≥${LONG_PAUSE_MS} ms ${compared.pauses150.oneCall}/${compared.pauses150.off}/${compared.pauses150.on}; clicks off ${compared.discontinuities.off}, on ${compared.discontinuities.on}`);
  }
  return { tts: label, timingOnly, pauseProfile: profile, ...summarize(passages), passages };
}

async function espeakRow(context) {
  const label = "tts-espeak en-us";
  const espeak = await importIfBuilt(distFile("packages/tts-espeak"), "@voxpipe/tts-espeak");
  if (espeak.skipped) return { tts: label, skipped: espeak.skipped };
  const tts = espeak.module.createEspeakTts({ voice: "en-us" });
  try {
    return await measureBackend({ ...context, tts, label, timingOnly: false });
  } finally {
    await tts.dispose?.();
  }
}

async function piperRow(context) {
  const label = "tts-piper zero-shot fixture (random weights: noise, timing only)";
  const folder = modelsDir();
  if (!folder) return { tts: label, skipped: "VOXPIPE_MODELS_DIR is not set (`pnpm fixtures` downloads the test models into ./models)" };
  const model = join(folder, "tts", "piper-plus-zero-shot-test.onnx");
  if (!existsSync(model)) return { tts: label, skipped: `no fixture at ${model}` };
  const piper = await importIfBuilt(distFile("packages/tts-piper"), "@voxpipe/tts-piper");
  if (piper.skipped) return { tts: label, skipped: piper.skipped };
  let tts;
  try {
    tts = await piper.module.createPiperTts({ model, threads: 1 }, { configDir: process.cwd(), env: process.env, log: () => {} });
    return await measureBackend({ ...context, tts, label, timingOnly: true });
  } catch (error) {
    return { tts: label, skipped: `tts-piper failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
  } finally {
    await tts?.dispose?.();
  }
}

/** What this build of @voxpipe/core offers: join shaping (the config's `pipeline.pauses`) and learned pauses (`measurePauseProfile`). */
function pauseSupport(core) {
  const pausesAvailable = core.configSchema.parse({}).pipeline.pauses !== undefined;
  const learnedAvailable = typeof core.measurePauseProfile === "function";
  const note = !pausesAvailable
    ? "pauses not available: this build of @voxpipe/core has no join shaping, so the on runs measure the same audio as off"
    : !learnedAvailable
      ? "learned pauses not available: this build of @voxpipe/core has no measurePauseProfile, so the on runs use the default pauses"
      : null;
  return { pausesAvailable, learnedAvailable, note };
}

export async function run({ quick, log }) {
  const { core, testing, defaults } = await loadCore();
  const indexes = quick ? QUICK_PASSAGE_INDEXES : PASSAGES.map((_, i) => i);
  const support = pauseSupport(core);
  if (support.note) log(support.note);
  const context = { core, testing, defaults, indexes, log };
  return {
    pausesAvailable: support.pausesAvailable,
    learnedAvailable: support.learnedAvailable,
    ...(support.note ? { note: support.note } : {}),
    passageCount: indexes.length,
    espeak: await espeakRow(context),
    piper: await piperRow(context),
  };
}
