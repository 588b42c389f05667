// Part 1 — the pipeline's overhead over the floor, with the test doubles.
//
// Each run streams a short reply from the scripted LLM into the synthetic TTS
// and stops at the first audio. The floor is measured in that same run from
// the instrumented doubles: the moment the LLM handed over the text part that
// completed the first segment (from the start of its stream) plus the TTS's
// time from starting that segment to its first chunk. Overhead = time to first
// audio as the consumer sees it (from the call to runPipeline) minus the floor.
import { drain, instrumentLlm, instrumentTts, measuredFloor } from "../lib/instrument.mjs";
import { loadCore } from "../lib/paths.mjs";
import { median, percentile, round } from "../lib/stats.mjs";

export const TEXT = "Welcome back to the voxpipe benchmark. This reply streams token by token into speech. It has a third sentence too.";
export const LLM = { tokensPerSecond: 200, firstTokenMs: 10 };
export const TTS = { firstChunkMs: 10, realTimeFactor: 0.2, chunkMs: 50, sampleRate: 24000 };

export async function run({ quick, log }) {
  const { core, testing, defaults } = await loadCore();
  const runs = quick ? 60 : 300;
  const warmup = quick ? 10 : 30;
  const overheads = [];
  const floors = [];
  const ttfas = [];
  let missing = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const llm = instrumentLlm(testing.createScriptedLlm({ text: TEXT, ...LLM }));
    const tts = instrumentTts(testing.createSyntheticTts(TTS));
    const result = await drain(core.runPipeline, { llm: llm.provider, tts: tts.provider, ...defaults, request: { prompt: "bench" }, mode: "streaming" }, { stopAtFirstAudio: true });
    const floor = measuredFloor(llm.state.runs[0], tts.state.requests[0]);
    // Let the cancelled run's last callbacks settle before the next one starts.
    await new Promise((resolve) => setImmediate(resolve));
    if (i < warmup) continue;
    if (!floor || result.ttfaMs === null) {
      missing++;
      continue;
    }
    overheads.push(result.ttfaMs - floor.floorMs);
    floors.push(floor.floorMs);
    ttfas.push(result.ttfaMs);
  }
  log(`overhead: ${overheads.length} runs, p50 ${median(overheads).toFixed(3)} ms over a floor of ${median(floors).toFixed(1)} ms`);
  return {
    runs: overheads.length,
    p50Ms: round(median(overheads), 3),
    p99Ms: round(percentile(overheads, 99), 3),
    maxMs: round(Math.max(...overheads), 3),
    floorP50Ms: round(median(floors), 2),
    ttfaP50Ms: round(median(ttfas), 2),
    ...(missing ? { runsWithoutFloor: missing } : {}),
    setup: { llm: LLM, tts: TTS, warmupRuns: warmup },
  };
}
