// Part 4 — playback gaps: a listener who starts at the first audio, waiting
// for audio not yet produced (RunMetrics.gapMs), for a TTS at real-time
// factors 0.5, 0.9 and 1.2 with 1, 2 and 4 segments synthesized at once.
// The LLM double is far faster than speech, so the TTS is the only producer
// that can fall behind.
//
// Each cell is one listener's session with the default config, whose
// playout lead is "auto": the first reply plays with no lead (its gap is
// reported as coldGapMs), and later replies hold their first audio by what
// the earlier ones needed. gapMs and ttfaMs are medians over those later
// replies (3 in a full run, 1 with --quick), so the lead's cost in time to
// first audio is in the same row. Full runs go through the cells in sequence;
// --quick runs all cells at the same time (the doubles only wait on timers,
// so they do not compete for CPU).
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
  const { playout } = core.configSchema.parse({}).pipeline;
  const cells = FACTORS.flatMap((realTimeFactor) => CONCURRENCY.map((concurrency) => ({ realTimeFactor, concurrency, playoutLead: core.createPlayoutLead(playout) })));
  // As a session opening does after loading its backends: the TTS's speed, measured once before any reply.
  const profiles = new Map(
    await Promise.all(FACTORS.map(async (realTimeFactor) => [realTimeFactor, await core.measureTtsProfile(testing.createSyntheticTts({ ...TTS, realTimeFactor }))])),
  );
  const once = async ({ realTimeFactor, concurrency, playoutLead }) => {
    const result = await drain(core.runPipeline, {
      llm: testing.createScriptedLlm({ text: TEXT, ...LLM }),
      tts: testing.createSyntheticTts({ ...TTS, realTimeFactor }),
      ...defaults,
      ttsConcurrency: concurrency,
      ttsProfile: profiles.get(realTimeFactor),
      playoutLead,
      request: { prompt: "When is the museum open?" },
      mode: "streaming",
    });
    if (result.error || !result.metrics) throw new Error(`run at RTF ${realTimeFactor} × ${concurrency} failed: ${result.error ?? "no metrics"}`);
    return result.metrics;
  };
  const session = async (cell) => {
    const runs = [];
    for (let r = 0; r <= repeats; r++) runs.push(await once(cell));
    return runs;
  };
  const measured = new Map();
  if (quick) {
    const all = await Promise.all(cells.map(async (cell) => [cell, await session(cell)]));
    for (const [cell, runs] of all) measured.set(cell, runs);
  } else {
    for (const cell of cells) measured.set(cell, await session(cell));
  }
  return cells.map((cell) => {
    const [cold, ...runs] = measured.get(cell);
    const row = {
      realTimeFactor: cell.realTimeFactor,
      concurrency: cell.concurrency,
      gapMs: round(median(runs.map((m) => m.gapMs)), 1),
      leadMs: round(median(runs.map((m) => m.playoutLeadMs)), 1),
      coldGapMs: round(cold.gapMs, 1),
      coldLeadMs: round(cold.playoutLeadMs, 1),
      coldTtfaMs: round(cold.ttfaMs, 1),
      totalMs: round(median(runs.map((m) => m.totalMs)), 1),
      gaps: median(runs.map((m) => m.gaps)),
      audioMs: round(median(runs.map((m) => m.audioMs)), 0),
      segments: median(runs.map((m) => m.segments.length)),
      ttfaMs: round(median(runs.map((m) => m.ttfaMs)), 1),
      runs: runs.length,
    };
    log(`RTF ${cell.realTimeFactor} × ${cell.concurrency}: gap ${row.gapMs} ms in ${row.gaps} waits with a ${row.leadMs} ms lead (first reply: gap ${row.coldGapMs} ms, lead ${row.coldLeadMs} ms), total ${row.totalMs} ms for ${row.audioMs} ms of audio in ${row.segments} segments`);
    return row;
  });
}
