// Part 8 — long-run memory: one million tokens through the whole pipeline
// (scripted LLM at an unbounded rate → segmenter → synthetic TTS with no
// latency → a consumer that discards every event). RSS is sampled after a
// forced GC (this part needs `node --expose-gc`; run.mjs starts every part
// that way) before the run, every 10% of the tokens, and after the run.
//
// The baseline is taken after a warm-up run of the same pipeline (10% of the
// tokens), as a long-running process would be: the first few MB of allocation
// make V8 touch the pages of its young generation (2 × 16 MB semi-spaces on
// Node 20) and compile the hot code, a one-off RSS rise of about 15–20 MB
// whatever the run's length. What the target asks is whether a long run
// keeps growing, so rssGrowthMb is the largest sample minus the warm
// baseline; rssGrowthColdMb (from a process that has run nothing) is
// reported beside it.
import { loadCore } from "../lib/paths.mjs";
import { round } from "../lib/stats.mjs";

const SENTENCE = "The quick brown fox jumps over the lazy dog beside the quiet river bank.";
const MB = 1024 * 1024;

function collect() {
  globalThis.gc();
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

export async function run({ quick, log }) {
  if (typeof globalThis.gc !== "function") throw new Error("the memory part needs `node --expose-gc` (run it through bench/run.mjs)");
  const { core, testing, defaults } = await loadCore();
  const target = quick ? 100_000 : 1_000_000;
  // Joined with single spaces, every sentence is exactly `perSentence` token-sized pieces.
  const perSentence = testing.splitIntoTokens(SENTENCE).length;
  const sentences = Math.ceil(target / perSentence);
  const tokens = sentences * perSentence;

  // The long run's text and doubles exist before any sample, so they are not counted as growth.
  const warmUp = doubles(testing, Math.ceil(sentences / 10));
  const longRun = doubles(testing, sentences);
  const cold = collect();
  await runOnce(core, defaults, warmUp, () => {});
  const baseline = collect();
  const samples = [];
  const step = Math.floor(tokens / 10);
  const started = performance.now();
  const { seen, segments, audioEvents, error } = await runOnce(core, defaults, longRun, (seen) => {
    if (seen % step !== 0) return;
    const sample = collect();
    samples.push({ tokens: seen, rssMb: round((sample.rss - baseline.rss) / MB, 1), heapMb: round((sample.heapUsed - baseline.heapUsed) / MB, 1) });
    log(`${seen} tokens: RSS ${samples.at(-1).rssMb >= 0 ? "+" : ""}${samples.at(-1).rssMb} MB, heap ${samples.at(-1).heapMb >= 0 ? "+" : ""}${samples.at(-1).heapMb} MB`);
  });
  const seconds = (performance.now() - started) / 1000;
  if (error) throw new Error(`the run failed: ${error}`);
  const after = collect();
  samples.push({ tokens: seen, afterRun: true, rssMb: round((after.rss - baseline.rss) / MB, 1), heapMb: round((after.heapUsed - baseline.heapUsed) / MB, 1) });
  const rssGrowthMb = Math.max(...samples.map((s) => s.rssMb));
  const rssGrowthColdMb = round(rssGrowthMb + (baseline.rss - cold.rss) / MB, 1);
  log(`${seen} tokens, ${segments} segments, ${audioEvents} audio events in ${seconds.toFixed(1)} s; RSS growth ${rssGrowthMb} MB after warm-up, ${rssGrowthColdMb} MB from cold`);
  return {
    tokens: seen,
    rssGrowthMb,
    heapGrowthMb: Math.max(...samples.map((s) => s.heapMb)),
    baselineRssMb: round(baseline.rss / MB, 1),
    rssGrowthColdMb,
    coldRssMb: round(cold.rss / MB, 1),
    segments,
    audioEvents,
    tokensPerSecond: round(seen / seconds, 0),
    samples,
  };
}

/** A scripted LLM that says SENTENCE `sentences` times at an unbounded rate, and a TTS with no latency. */
function doubles(testing, sentences) {
  const text = Array.from({ length: sentences }, () => SENTENCE).join(" ");
  return {
    llm: testing.createScriptedLlm({ text, tokensPerSecond: 1e9, firstTokenMs: 0 }),
    tts: testing.createSyntheticTts({ firstChunkMs: 0, realTimeFactor: 0, msPerChar: 1, sampleRate: 8000, chunkMs: 100 }),
  };
}

/** One run into a sink that discards; `onToken(seen)` after every text part. */
async function runOnce(core, defaults, { llm, tts }, onToken) {
  let seen = 0;
  let audioEvents = 0;
  let segments = 0;
  let error = null;
  for await (const event of core.runPipeline({ llm, tts, ...defaults, request: { prompt: "Tell me a very long story." } })) {
    if (event.type === "text-delta") onToken(++seen);
    else if (event.type === "audio") audioEvents++;
    else if (event.type === "segment") segments++;
    else if (event.type === "error") error = `${event.stage}/${event.code}: ${event.message}`;
  }
  return { seen, segments, audioEvents, error };
}
