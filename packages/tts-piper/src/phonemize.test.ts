import { describe, expect, it } from "vitest";
import { loadEspeakEngine } from "./piper-espeak.js";
import { clausePhonemes, phonemizeSentences, toPhonemeList } from "./phonemize.js";

describe("clause phonemes", () => {
  it("puts the terminator back, with a space after , : ; as piper does", () => {
    expect(clausePhonemes("tˈɛst", ".")).toBe("tˈɛst.");
    expect(clausePhonemes("tˈɛst", ",")).toBe("tˈɛst, ");
    expect(clausePhonemes("tˈɛst", "")).toBe("tˈɛst");
    expect(clausePhonemes("", "?")).toBe("");
  });

  it("splits into NFD code points (accents become their own phonemes)", () => {
    expect(toPhonemeList("ɔ̃ç")).toEqual(["ɔ", "\u0303", "c", "\u0327"]);
  });
});

describe("phonemizeSentences with eSpeak NG (WebAssembly)", () => {
  it("gives IPA per sentence with the clause punctuation kept", async () => {
    const engine = await loadEspeakEngine();
    const sentences = phonemizeSentences("Hello there. How are you today?", "espeak", "en-us", engine);
    expect(sentences.map((s) => s.phonemes.join(""))).toEqual(["həlˈoʊ ðˈɛɹ.", "hˌaʊ ɑːɹ juː tədˈeɪ?"]);
    expect(sentences.map((s) => s.text)).toEqual(["Hello there.", "How are you today?"]);
  });

  it("keeps , : ; ! inside a sentence", async () => {
    const engine = await loadEspeakEngine();
    const [first] = phonemizeSentences("This: is, a test; really!", "espeak", "en-us", engine);
    expect(first?.phonemes.join("")).toBe("ðˈɪs: ɪz, ɐ tˈɛst; ɹˈiəli!");
  });

  it("yields nothing for text without speakable content", async () => {
    const engine = await loadEspeakEngine();
    expect(phonemizeSentences(" ... ", "espeak", "en-us", engine)).toEqual([]);
  });

  it("uses code points of the text for phoneme_type text", () => {
    expect(phonemizeSentences("Ab. C", "text", "", undefined).map((s) => s.phonemes)).toEqual([["A", "b", "."], ["C"]]);
  });

  it("rejects an unknown eSpeak voice with a clear message", async () => {
    const engine = await loadEspeakEngine();
    expect(() => engine.textToIpa("xx-nowhere", "hello")).toThrow(/eSpeak NG has no voice "xx-nowhere"/);
    expect(() => engine.textToIpa("xx-nowhere", "hello")).toThrow(expect.objectContaining({ code: "voice-not-found", message: expect.stringContaining('"espeakVoice" option') }));
    expect(engine.textToIpa("en-us", "hello")).toContain("l");
  });
});
