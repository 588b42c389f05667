// The two ways the joins part renders a passage: the engine speaking it in one
// call, and voxpipe streaming it segment by segment. Both return mono samples,
// the sample rate and the engine's word timings (ms from the start of the
// rendering) where it gives them.
import { concat, toMono } from "./audio-analysis.mjs";

/** The scripted LLM's pace: small pieces, much faster than speech, so the TTS alone sets the timing. */
export const LLM_PACE = { tokensPerSecond: 2000, firstTokenMs: 0 };

/** `tts.synthesize({ text, signal })` collected. */
export async function renderOneCall(tts, text, signal) {
  const parts = [];
  const words = [];
  let sampleRate = tts.format.sampleRate;
  for await (const chunk of tts.synthesize({ text, signal })) {
    sampleRate = chunk.sampleRate;
    parts.push(toMono(chunk.pcm, chunk.channels));
    for (const word of chunk.words ?? []) words.push({ text: word.text, startMs: word.startMs, endMs: word.endMs });
  }
  return { samples: concat(parts), sampleRate, words };
}

/**
 * The passage streamed by `runPipeline`: the scripted LLM (a TEST DOUBLE)
 * sends it in token-sized pieces, the default segmenter cuts it, `tts` speaks
 * each segment. `pauses` is passed through as is (`false`: the audio exactly
 * as the TTS produced it). Returns the audio events' PCM in order, where each
 * segment's audio starts (`segmentStarts[i]`, in samples), where each audio
 * event starts (`eventStarts`), the segments' text, and word timings (each
 * with its `segmentIndex`).
 */
export async function renderStreamed({ core, testing, defaults, tts, text, pauses, signal }) {
  const parts = [];
  const words = [];
  const segments = [];
  const segmentStarts = [];
  const eventStarts = [];
  let offset = 0;
  let sampleRate = null;
  const events = core.runPipeline({
    ...defaults,
    llm: testing.createScriptedLlm({ text, ...LLM_PACE }),
    tts,
    request: { prompt: "Read this passage aloud." },
    mode: "streaming",
    ttsConcurrency: 2,
    pauses,
    signal,
  });
  for await (const event of events) {
    if (event.type === "segment") segments[event.index] = { text: event.text, spoken: event.spoken };
    else if (event.type === "audio") {
      if (sampleRate !== null && event.sampleRate !== sampleRate) throw new Error(`segment ${event.segmentIndex}: sample rate changed from ${sampleRate} to ${event.sampleRate} Hz within one run`);
      sampleRate = event.sampleRate;
      const mono = toMono(event.pcm, event.channels);
      if (segmentStarts[event.segmentIndex] === undefined) segmentStarts[event.segmentIndex] = offset;
      eventStarts.push({ sample: offset, segmentIndex: event.segmentIndex });
      const segmentStartMs = (segmentStarts[event.segmentIndex] / sampleRate) * 1000;
      for (const word of event.words ?? []) words.push({ text: word.text, startMs: segmentStartMs + word.startMs, endMs: segmentStartMs + word.endMs, segmentIndex: event.segmentIndex });
      parts.push(mono);
      offset += mono.length;
    } else if (event.type === "error") throw new Error(`streamed run failed: ${event.stage}/${event.code}: ${event.message}`);
  }
  return { samples: concat(parts), sampleRate: sampleRate ?? tts.format.sampleRate, words, segments, segmentStarts, eventStarts };
}
