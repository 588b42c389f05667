import { createNormalizer, type AudioChunk } from "@voxpipe/core";
import { afterAll, describe, expect, it } from "vitest";
import { createEspeakTts } from "./index.js";

const tts = createEspeakTts({ voice: "en-us" });
afterAll(() => tts.dispose());

async function spoken(text: string): Promise<{ seconds: number; words: string[] }> {
  let samples = 0;
  const words: string[] = [];
  for await (const chunk of tts.synthesize({ text }) as AsyncIterable<AudioChunk>) {
    samples += chunk.pcm.length;
    for (const word of chunk.words ?? []) words.push(word.text);
  }
  return { seconds: samples / tts.format.sampleRate, words };
}

describe("espeak: lexicon phonemes", () => {
  it("declares that it takes eSpeak's [[…]] phonemes", () => {
    expect(tts.normalization?.phonemes).toBe("espeak");
  });

  it("speaks [[…]] as phonemes: as long as the word they spell, not the mnemonics read out", async () => {
    const normalizer = createNormalizer({ lexicon: { SQL: { say: "sequel", phonemes: "s'i:kw@l" } }, phonemes: tts.normalization?.phonemes });
    const text = normalizer.normalize("I like SQL.").spoken;
    expect(text).toBe("I like [[s'i:kw@l]].");
    const asPhonemes = await spoken(text);
    const asWord = await spoken("I like sequel.");
    const asLetters = await spoken("I like s'i:kw@l.");
    expect(Math.abs(asPhonemes.seconds - asWord.seconds)).toBeLessThan(0.15 * asWord.seconds);
    expect(asLetters.seconds).toBeGreaterThan(1.5 * asWord.seconds);
    expect(asPhonemes.words).toHaveLength(3);
  });
});
