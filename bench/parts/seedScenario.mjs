// Part 3 — the PrimeSpeech voice pipeline's scenario, simulated with the test doubles at the
// latencies it describes: LLM first token 0.5 s, about 30 tokens per second, a
// 60-word reply; TTS 0.3 s to first audio at a real-time factor of 0.5.
// Streaming and whole-reply runs alternate run by run (in --quick the pairs run
// at once: the doubles only wait on timers, so they do not compete for CPU).
import { drain } from "../lib/instrument.mjs";
import { loadCore } from "../lib/paths.mjs";
import { median, round } from "../lib/stats.mjs";

// 60 words, in the shape of a spoken assistant reply.
export const TEXT =
  "Sure, here is a quick plan for your trip to the coast this weekend. Leave early on Saturday to miss the traffic, " +
  "and stop for breakfast in the old harbour town. Spend the afternoon walking the cliff path to the lighthouse. " +
  "Bring a jacket. On Sunday, rent bikes, visit the market, and head home before dark. Have a lovely time!";
export const LLM = { tokensPerSecond: 30, firstTokenMs: 500 };
export const TTS = { firstChunkMs: 300, realTimeFactor: 0.5 };

export async function run({ quick, log }) {
  const { core, testing, defaults } = await loadCore();
  const pairs = quick ? 3 : 6;
  // What a session opening knows before any reply: the TTS's speed, measured once after loading.
  const ttsProfile = await core.measureTtsProfile(testing.createSyntheticTts(TTS));
  const once = async (mode) => {
    const result = await drain(core.runPipeline, {
      llm: testing.createScriptedLlm({ text: TEXT, ...LLM }),
      tts: testing.createSyntheticTts(TTS),
      ...defaults,
      ttsProfile,
      request: { prompt: "Plan my weekend at the coast." },
      mode,
    });
    if (result.error) throw new Error(`${mode} run failed: ${result.error}`);
    return result;
  };
  const streaming = [];
  const whole = [];
  let audioMs = null;
  let firstSegment = null;
  const record = (s, w) => {
    firstSegment ??= s.firstSegment ?? null;
    streaming.push(s.ttfaMs);
    whole.push(w.ttfaMs);
    audioMs = w.metrics?.audioMs ?? audioMs;
    log(`pair: streaming ${s.ttfaMs.toFixed(0)} ms, whole ${w.ttfaMs.toFixed(0)} ms`);
  };
  if (quick) {
    const results = await Promise.all(Array.from({ length: pairs }, () => Promise.all([once("streaming"), once("whole")])));
    for (const [s, w] of results) record(s, w);
  } else {
    for (let i = 0; i < pairs; i++) {
      // Alternate which mode goes first so neither always runs on a warmer process.
      if (i % 2 === 0) {
        const s = await once("streaming");
        record(s, await once("whole"));
      } else {
        const w = await once("whole");
        record(await once("streaming"), w);
      }
    }
  }
  const ttfaStreamingMs = median(streaming);
  const ttfaWholeMs = median(whole);
  return {
    runs: pairs * 2,
    ttfaStreamingMs: round(ttfaStreamingMs, 1),
    ttfaWholeMs: round(ttfaWholeMs, 1),
    ratio: round(ttfaWholeMs / ttfaStreamingMs, 2),
    firstSegment: firstSegment === null ? null : { text: firstSegment, chars: [...firstSegment].length, cutAt: cutKind(firstSegment) },
    replyWords: TEXT.split(/\s+/).length,
    replyAudioMs: round(audioMs, 0),
    setup: { llm: LLM, tts: { ...TTS, msPerChar: 60 } },
  };
}

/** Where the first segment ended: a sentence end, a clause mark, or a word. */
export function cutKind(text) {
  if (/[.!?…]["'”’)\]]*$/u.test(text)) return "sentence";
  if (/[,;:，、；：]$|\s[-–—]$/u.test(text)) return "clause";
  return "word";
}
