import { describe, expect, it } from "vitest";
import type { LlmProvider } from "../llm/llm-provider.js";
import type { LlmStreamPart } from "../llm/llm-stream-part.js";
import type { PipelineEvent } from "../pipeline/pipeline-event.js";
import type { PipelineOptions } from "../pipeline/pipeline-options.js";
import { runPipeline } from "../pipeline/run-pipeline.js";
import { createTtsFailover } from "../tts-wrappers/create-tts-failover.js";
import type { AudioChunk } from "../tts/audio-chunk.js";
import type { TtsProvider, TtsNormalization } from "../tts/tts-provider.js";
import { randomChunks, seededRandom } from "../segmenter/__fixtures__/run-segmenter.js";
import { corpus } from "./__fixtures__/index.js";

/** A TEST DOUBLE LLM that sends exactly the given pieces of text. */
function piecesLlm(pieces: readonly string[]): LlmProvider {
  return {
    id: "pieces-llm (test double)",
    model: "pieces",
    async *stream(): AsyncGenerator<LlmStreamPart> {
      for (const text of pieces) yield { type: "text-delta", text };
      yield { type: "finish", reason: "stop" };
    },
  };
}

/** A TEST DOUBLE TTS that records what it is asked to say and reports one word timing per word, 10 ms each. */
function recordingTts(normalization?: TtsNormalization): TtsProvider & { requests: string[] } {
  const requests: string[] = [];
  return {
    id: "recording-tts (test double)",
    voice: "none",
    format: { sampleRate: 8000, channels: 1 },
    streaming: "fragments",
    ...(normalization ? { normalization } : {}),
    requests,
    async *synthesize(request): AsyncGenerator<AudioChunk> {
      requests.push(request.text);
      const words = request.text.match(/[\p{L}\p{N}'’]+/gu) ?? [];
      if (words.length === 0) return;
      // Two chunks, so the word mapping has to carry on across fragments of one segment.
      const half = Math.ceil(words.length / 2);
      for (const [from, to] of [[0, half], [half, words.length]] as const) {
        if (from >= to) continue;
        yield {
          pcm: new Float32Array(80 * (to - from)),
          sampleRate: 8000,
          channels: 1,
          words: words.slice(from, to).map((text, i) => ({ text, startMs: (from + i) * 10, endMs: (from + i + 1) * 10 })),
        };
      }
    },
  };
}

async function run(pieces: readonly string[], tts: TtsProvider, extra: Partial<PipelineOptions> = {}): Promise<PipelineEvent[]> {
  const events: PipelineEvent[] = [];
  // One sentence per segment, and no merging, so every chunking gives the same cuts.
  for await (const event of runPipeline({ llm: piecesLlm(pieces), tts, request: { prompt: "go" }, segmenter: { maxLength: 1000, minLength: 1, eagerFirstSegment: false, adaptive: false }, ...extra })) events.push(event);
  return events;
}

const segmentsOf = (events: readonly PipelineEvent[]): { text: string; spoken: string }[] =>
  events.flatMap((e) => (e.type === "segment" ? [{ text: e.text, spoken: e.spoken }] : []));

const replies = corpus.filter((group) => group.category === "mixed" && group.options === undefined).flatMap((group) => group.cases);

describe("normalization in the pipeline", () => {
  it.each(replies.map(([written, spoken]) => [written, spoken] as const))("%s: the same spoken form whole, one char at a time and in random pieces", async (written, spoken) => {
    const random = seededRandom(0x5eed + written.length);
    const chunkings = [[written], [...written], ...Array.from({ length: 8 }, () => randomChunks(written, random))];
    for (const pieces of chunkings) {
      const tts = recordingTts();
      const segments = segmentsOf(await run(pieces, tts));
      expect(segments.map((s) => s.text).join(" "), JSON.stringify(pieces)).toBe(written);
      expect(segments.map((s) => s.spoken).join(" "), JSON.stringify(pieces)).toBe(spoken);
      expect(tts.requests).toEqual(segments.map((s) => s.spoken));
    }
  });

  it("sends the spoken form to the TTS and keeps the written text in the segment event", async () => {
    const tts = recordingTts();
    const segments = segmentsOf(await run(["It costs $3.50 today."], tts));
    expect(segments).toEqual([{ text: "It costs $3.50 today.", spoken: "It costs three dollars fifty cents today." }]);
    expect(tts.requests).toEqual(["It costs three dollars fifty cents today."]);
  });

  it("maps word timings back to the written words, across the chunks of a segment", async () => {
    const events = await run(["Dr. Smith paid $3.50 on Jan. 5."], recordingTts());
    const words = events.flatMap((e) => (e.type === "audio" ? (e.words ?? []) : []));
    expect(words.map((w) => [w.text, w.written?.text])).toEqual([
      ["doctor", "Dr."],
      ["Smith", "Smith"],
      ["paid", "paid"],
      ["three", "$3.50"],
      ["dollars", "$3.50"],
      ["fifty", "$3.50"],
      ["cents", "$3.50"],
      ["on", "on"],
      ["January", "Jan. 5"],
      ["fifth", "Jan. 5"],
    ]);
    const written = "Dr. Smith paid $3.50 on Jan. 5.";
    for (const word of words) expect(written.slice(word.written!.start, word.written!.end)).toBe(word.written!.text);
  });

  it("is on by default and off with normalize.enabled: false", async () => {
    const off = recordingTts();
    const segments = segmentsOf(await run(["It costs $3.50."], off, { normalize: { enabled: false } }));
    expect(segments).toEqual([{ text: "It costs $3.50.", spoken: "It costs $3.50." }]);
    expect(off.requests).toEqual(["It costs $3.50."]);
  });

  it("leaves the categories a TTS declares it handles to that TTS, and switches categories off from the options", async () => {
    const cloud = recordingTts({ handles: ["currency", "numbers"] });
    await run(["It costs $3.50 for 2 at 50%."], cloud);
    expect(cloud.requests).toEqual(["It costs $3.50 for 2 at fifty percent."]);
    const configured = recordingTts();
    await run(["It costs $3.50 at 50%."], configured, { normalize: { categories: { percentages: false } } });
    expect(configured.requests).toEqual(["It costs three dollars fifty cents at 50%."]);
  });

  it("applies the lexicon, with phonemes only for a TTS that declares it accepts them", async () => {
    const lexicon = { SQL: { say: "sequel", phonemes: "s'i:kw@l" }, voxpipe: "vox pipe" };
    const plain = recordingTts();
    await run(["voxpipe speaks SQL."], plain, { normalize: { lexicon } });
    expect(plain.requests).toEqual(["vox pipe speaks sequel."]);
    const espeakLike = recordingTts({ phonemes: "espeak" });
    await run(["Voxpipe speaks SQL."], espeakLike, { normalize: { lexicon } });
    expect(espeakLike.requests).toEqual(["Vox pipe speaks [[s'i:kw@l]]."]);
  });

  it("with fallbacks, uses only what every backend declares, since any of them may speak a segment", async () => {
    const lexicon = { SQL: { say: "sequel", phonemes: "s'i:kw@l" } };
    const primary = recordingTts({ phonemes: "espeak", handles: ["currency", "numbers"] });
    const fallback = recordingTts({ handles: ["currency"] });
    await run(["SQL costs $3.50 for 2."], createTtsFailover(primary, fallback), { normalize: { lexicon } });
    expect(primary.requests).toEqual(["sequel costs $3.50 for two."]);
  });
});
