import { cleanEspeakIpa, type EspeakPhonemizer } from "@voxpipe/espeak-phonemizer";
import { groupSentences, splitClauses, type Clause } from "./split-clauses.js";

/** How a voice turns text into phonemes (the config's `phoneme_type`). */
export type PhonemeType = "espeak" | "text";

/** One sentence's phonemes (one inference run) and the text they came from. */
export interface SentencePhonemes {
  text: string;
  /** Single code points after NFD, punctuation and word spaces included, as Piper's ids need them. */
  phonemes: string[];
}

/**
 * Phonemes of one clause with its punctuation put back, as piper1-gpl does with
 * eSpeak's clause terminator: the mark follows the phonemes, and after `,` `:`
 * `;` (not a sentence end) a space follows too.
 */
export function clausePhonemes(ipa: string, terminator: Clause["terminator"]): string {
  if (!ipa) return "";
  let out = ipa + terminator;
  if (terminator === "," || terminator === ":" || terminator === ";") out += " ";
  return out;
}

/** Splits a string into single code points after Unicode NFD (accents become their own phonemes). */
export function toPhonemeList(phonemes: string): string[] {
  return Array.from(phonemes.normalize("NFD"));
}

/** Splits text into sentences (one inference run each), as clauses with their punctuation. */
export function splitSentences(text: string): Clause[][] {
  return groupSentences(splitClauses(text));
}

/**
 * One sentence's phonemes, keeping the clause punctuation Piper's phoneme map
 * expects; undefined when it has none. eSpeak runs synchronously here.
 */
export function phonemizeSentence(sentence: readonly Clause[], type: PhonemeType, voice: string, engine: EspeakPhonemizer | undefined): SentencePhonemes | undefined {
  const sentenceText = sentence.map((clause) => clause.text).join(" ");
  let joined = "";
  if (type === "text") {
    joined = sentenceText;
  } else {
    if (!engine) throw new Error("phonemizeSentence: the eSpeak engine is required for phoneme_type espeak");
    for (const clause of sentence) {
      const part = clausePhonemes(cleanEspeakIpa(engine.textToIpa(voice, clause.text)), clause.terminator);
      if (!part) continue;
      if (joined && !joined.endsWith(" ")) joined += " ";
      joined += part;
    }
  }
  const phonemes = toPhonemeList(joined);
  return phonemes.length > 0 ? { text: sentenceText, phonemes } : undefined;
}

/** Text to phonemes, sentence by sentence, keeping the clause punctuation Piper's phoneme map expects. */
export function phonemizeSentences(text: string, type: PhonemeType, voice: string, engine: EspeakPhonemizer | undefined): SentencePhonemes[] {
  const result: SentencePhonemes[] = [];
  for (const sentence of splitSentences(text)) {
    const phonemes = phonemizeSentence(sentence, type, voice, engine);
    if (phonemes) result.push(phonemes);
  }
  return result;
}
