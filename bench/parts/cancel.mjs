// Part 5 — cancellation. Each run streams a reply through the test doubles and
// is aborted through its signal at a random moment (seeded, so every run of the
// suite aborts at the same points). Measured from the abort() call:
//   iterator end — the consumer's `for await` has finished (no event may follow);
//   all stopped  — that, and every backend generator has finished (instrumented
//                  LLM and TTS wrappers) and no timer is pending (wrapped
//                  setTimeout/setInterval, counting the pipeline's and the doubles').
// p50Ms/p99Ms are "all stopped"; the iterator figures come alongside.
import { instrumentLlm, instrumentTts } from "../lib/instrument.mjs";
import { loadCore } from "../lib/paths.mjs";
import { median, percentile, round, seededRandom } from "../lib/stats.mjs";
import { installTimerTracker, originalClearTimeout, originalSetTimeout } from "../lib/timer-tracker.mjs";

export const TEXT =
  "Let me walk you through it. First, open the settings page and pick the audio tab. Then choose the output device you want, " +
  "and press the test button to hear a short tone. If nothing plays, check that the volume is up and the device is connected.";
export const LLM = { tokensPerSecond: 100, firstTokenMs: 20 };
export const TTS = { firstChunkMs: 20, realTimeFactor: 0.3, msPerChar: 30, chunkMs: 50, sampleRate: 16000 };
const SEED = 7;
const WINDOW_MS = 600;
const GIVE_UP_MS = 2000;

const now = () => performance.now();
const tick = () => new Promise((resolve) => setImmediate(resolve));

export async function run({ quick, log }) {
  const { core, testing, defaults } = await loadCore();
  const runs = quick ? 30 : 150;
  const random = seededRandom(SEED);
  const tracker = installTimerTracker();
  const stopped = [];
  const iteratorEnded = [];
  let finishedFirst = 0;
  let eventsAfterAbort = 0;
  let leaks = 0;
  const workAtAbort = [];
  try {
    for (let i = 0; i < runs; i++) {
      const llm = instrumentLlm(testing.createScriptedLlm({ text: TEXT, ...LLM }));
      const tts = instrumentTts(testing.createSyntheticTts(TTS));
      const controller = new AbortController();
      let abortAt = null;
      const abortTimer = originalSetTimeout(() => {
        workAtAbort.push(llm.state.active + tts.state.active + tracker.pending());
        abortAt = now();
        controller.abort();
      }, random() * WINDOW_MS);
      for await (const _event of core.runPipeline({ llm: llm.provider, tts: tts.provider, ...defaults, request: { prompt: "How do I test my speakers?" }, signal: controller.signal })) {
        if (abortAt !== null) eventsAfterAbort++;
      }
      const iteratorEndAt = now();
      if (abortAt === null) {
        originalClearTimeout(abortTimer);
        finishedFirst++;
        continue;
      }
      while (llm.state.active > 0 || tts.state.active > 0 || tracker.pending() > 0) {
        if (now() - abortAt > GIVE_UP_MS) {
          leaks++;
          break;
        }
        await tick();
      }
      const stoppedAt = now();
      iteratorEnded.push(iteratorEndAt - abortAt);
      stopped.push(stoppedAt - abortAt);
      await tick();
    }
  } finally {
    tracker.uninstall();
  }
  log(`${stopped.length} aborted runs: all stopped p50 ${median(stopped).toFixed(3)} ms, p99 ${percentile(stopped, 99).toFixed(3)} ms`);
  return {
    runs: stopped.length,
    p50Ms: round(median(stopped), 3),
    p99Ms: round(percentile(stopped, 99), 3),
    iteratorEndP50Ms: round(median(iteratorEnded), 3),
    iteratorEndP99Ms: round(percentile(iteratorEnded, 99), 3),
    eventsAfterAbort,
    stillRunningAfter2s: leaks,
    // Generators and timers live at the moment of the abort (median): what had to be stopped.
    workAtAbortP50: median(workAtAbort),
    ...(finishedFirst ? { finishedBeforeAbort: finishedFirst } : {}),
    setup: { seed: SEED, abortWindowMs: WINDOW_MS, llm: LLM, tts: TTS },
  };
}
