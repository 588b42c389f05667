// Part 11 — what a listener hears at the segment joins. Each passage of
// bench/lib/passages.mjs (17; quick: 6) is rendered three ways per backend:
// the engine speaking it in one call, and streamed through runPipeline (the
// scripted LLM, a TEST DOUBLE, sending it in small pieces; the default
// segmenter; 2 segments synthesized at once) with `pauses: false` (the audio
// exactly as the TTS produced it: the baseline) and with pauses on (the
// engine's pauses learned by measurePauseProfile). Figures, per backend, over
// all passages: streamed ÷ one-call duration, sentence-end joins missing the
// one-call rendering's pause, pauses of 150 ms or more missing against it, and
// joins with a sample discontinuity. eSpeak NG always runs; Piper runs on the zero-shot fixture
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

const sum = (values) => values.reduce((a, b) => a + b, 0);
const worst = (ratios) => ratios.reduce((a, b) => (Math.abs(b - 1) > Math.abs(a - 1) ? b : a), 1);
const RENDERINGS = ["off", "on"];
const perRendering = (fn) => Object.fromEntries(RENDERINGS.map((key) => [key, fn(key)]));

/** Median pause per join kind, one call and streamed, over one rendering's joins. */
function pauseByJoinKind(passages) {
  const byKind = {};
  for (const key of RENDERINGS) {
    for (const join of passages.flatMap((p) => p.joins[key])) {
      const entry = (byKind[join.kind] ??= { joins: { off: 0, on: 0 }, oneCall: [], off: [], on: [] });
      entry.joins[key]++;
      entry[key].push(join.pauseMs);
      if (key === "off" && join.oneCallMs !== null) entry.oneCall.push(join.oneCallMs);
    }
  }
  const med = (values) => (values.length ? round(median(values), 0) : null);
  return Object.fromEntries(Object.entries(byKind).map(([kind, e]) => [kind, { joins: e.joins, oneCallMedianMs: med(e.oneCall), offMedianMs: med(e.off), onMedianMs: med(e.on) }]));
}

/** The row's figures over its passages. */
function summarize(passages) {
  const total = (key) => sum(passages.map((p) => p.durationMs[key]));
  const counts = (name) => ({ oneCall: sum(passages.map((p) => p[name].oneCall)), ...perRendering((key) => sum(passages.map((p) => p[name][key]))) });
  return {
    durationRatio: perRendering((key) => round(total(key) / total("oneCall"), 4)),
    worstPassageRatio: perRendering((key) => round(worst(passages.map((p) => p.durationMs[key] / p.durationMs.oneCall)), 4)),
    pauses150: counts("pauses150"),
    pauses250: counts("pauses250"),
    missingPauses150: perRendering((key) => sum(passages.map((p) => Math.max(0, p.pauses150.oneCall - p.pauses150[key])))),
    endJoins: perRendering((key) => ({ joins: sum(passages.map((p) => p.endJoins[key].joins)), short: sum(passages.map((p) => p.endJoins[key].short)) })),
    joins: perRendering((key) => sum(passages.map((p) => p.joins[key].length))),
    discontinuities: perRendering((key) => sum(passages.map((p) => p.discontinuities[key]))),
    worstJumpRatio: perRendering((key) => Math.max(0, ...passages.flatMap((p) => p.joins[key].map((j) => j.jumpRatio)))),
    innerDiscontinuities: perRendering((key) => sum(passages.map((p) => p.innerDiscontinuities[key]))),
    pauseByJoinKind: pauseByJoinKind(passages),
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
    log(`${label} #${index}: ${compared.segments.off}/${compared.segments.on} segments; duration one call ${compared.durationMs.oneCall} ms, off ${compared.durationMs.off} ms, on ${compared.durationMs.on} ms; pauses ≥${LONG_PAUSE_MS} ms ${compared.pauses150.oneCall}/${compared.pauses150.off}/${compared.pauses150.on}; clicks off ${compared.discontinuities.off}, on ${compared.discontinuities.on}`);
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
