// Part 4 — playback gaps: a listener who starts at the first audio, waiting
// for audio not yet produced (RunMetrics.gapMs), for a TTS at real-time
// factors 0.5, 0.9 and 1.2 with 1, 2 and 4 segments synthesized at once.
// The LLM double is far faster than speech, so the TTS is the only producer
// that can fall behind. Full runs repeat each cell 3 times in sequence and
// report medians; --quick runs each cell once, all cells at the same time
// (the doubles only wait on timers, so they do not compete for CPU).
import { drain } from "../lib/instrument.mjs";
import { loadCore } from "../lib/paths.mjs";
import { median, round } from "../lib/stats.mjs";

export const TEXT =
  "Here is what I found. The museum opens at nine and closes at six, except on Mondays. " +
  "Tickets cost twelve euros, and children under ten get in for free. The new exhibition on the second floor is worth the wait. " +
  "If you go early, the queue is short and the rooms are quiet.";
export const LLM = { tokensPerSecond: 60, firstTokenMs: 100 };
export const TTS = { firstChunkMs: 100, msPerChar: 20, chunkMs: 100, sampleRate: 16000 };
export const FACTORS = [0.5, 0.9, 1.2];
export const CONCURRENCY = [1, 2, 4];

export async function run({ quick, log }) {
  const { core, testing, defaults } = await loadCore();
  const repeats = quick ? 1 : 3;
  const cells = FACTORS.flatMap((realTimeFactor) => CONCURRENCY.map((concurrency) => ({ realTimeFactor, concurrency })));
  const once = async ({ realTimeFactor, concurrency }) => {
    const result = await drain(core.runPipeline, {
      llm: testing.createScriptedLlm({ text: TEXT, ...LLM }),
      tts: testing.createSyntheticTts({ ...TTS, realTimeFactor }),
      ...defaults,
      ttsConcurrency: concurrency,
      request: { prompt: "When is the museum open?" },
      mode: "streaming",
    });
    if (result.error || !result.metrics) throw new Error(`run at RTF ${realTimeFactor} × ${concurrency} failed: ${result.error ?? "no metrics"}`);
    return result.metrics;
  };
  const measured = new Map(cells.map((cell) => [cell, []]));
  if (quick) {
    const all = await Promise.all(cells.map(async (cell) => [cell, await once(cell)]));
    for (const [cell, metrics] of all) measured.get(cell).push(metrics);
  } else {
    for (let r = 0; r < repeats; r++) for (const cell of cells) measured.get(cell).push(await once(cell));
  }
  return cells.map((cell) => {
    const runs = measured.get(cell);
    const row = {
      realTimeFactor: cell.realTimeFactor,
      concurrency: cell.concurrency,
      gapMs: round(median(runs.map((m) => m.gapMs)), 1),
      totalMs: round(median(runs.map((m) => m.totalMs)), 1),
      gaps: median(runs.map((m) => m.gaps)),
      audioMs: round(median(runs.map((m) => m.audioMs)), 0),
      segments: median(runs.map((m) => m.segments.length)),
      ttfaMs: round(median(runs.map((m) => m.ttfaMs)), 1),
      runs: runs.length,
    };
    log(`RTF ${cell.realTimeFactor} × ${cell.concurrency}: gap ${row.gapMs} ms in ${row.gaps} waits, total ${row.totalMs} ms for ${row.audioMs} ms of audio in ${row.segments} segments`);
    return row;
  });
}
