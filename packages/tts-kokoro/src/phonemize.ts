import { cleanEspeakIpa, type EspeakPhonemizer } from "@voxpipe/espeak-phonemizer";
import { keepKnownSymbols } from "./kokoro-vocab.js";

/** The English variants Kokoro v1.0 speaks with eSpeak phonemes: American (`a…` voices) and British (`b…` voices). */
export type KokoroLang = "en-us" | "en-gb";

/** The eSpeak NG voice for each variant (the WebAssembly build names British English `en`). */
export const ESPEAK_VOICES: Readonly<Record<KokoroLang, string>> = { "en-us": "en-us", "en-gb": "en" };

/** Runs of punctuation (with the spaces around them), kept as they are between the phonemized stretches of words. */
const PUNCTUATION_RUNS = /(?:\s*[;:,.!?¡¿—…"«»“”(){}[\]]+\s*)+/g;

/**
 * Kokoro's corrections of eSpeak's IPA (kokoro-js `phonemize`, kokoro-onnx
 * `Tokenizer.phonemize`): the word "kokoro", symbols outside the vocabulary
 * (`ʲ r x ɬ`), "hundred" after a number, the plural `z` joined to its word,
 * and American "ninety".
 */
export function correctEspeakIpa(ipa: string, lang: KokoroLang): string {
  let out = ipa
    .replace(/kəkˈoːɹoʊ/g, "kˈoʊkəɹoʊ")
    .replace(/kəkˈɔːɹəʊ/g, "kˈəʊkəɹəʊ")
    .replace(/ʲ/g, "j")
    .replace(/r/g, "ɹ")
    .replace(/x/g, "k")
    .replace(/ɬ/g, "l")
    .replace(/(?<=[a-zɹː])(?=hˈʌndɹɪd)/g, " ")
    .replace(/ z(?=[;:,.!?¡¿—…"«»“” ]|$)/g, "z");
  if (lang === "en-us") out = out.replace(/(?<=nˈaɪn)ti(?!ː)/g, "di");
  return out;
}

/**
 * Normalized text → Kokoro phonemes, as the reference does it: eSpeak NG
 * phonemizes each stretch of words, the punctuation between them is kept as
 * written, Kokoro's corrections are applied and symbols outside its vocabulary
 * dropped. Every code point of the result is one token.
 */
export function phonemizeText(text: string, lang: KokoroLang, espeak: EspeakPhonemizer): string {
  const voice = ESPEAK_VOICES[lang];
  const words = (stretch: string): string => (stretch.trim() ? cleanEspeakIpa(espeak.textToIpa(voice, stretch)) : stretch);
  let joined = "";
  let last = 0;
  for (const match of text.matchAll(PUNCTUATION_RUNS)) {
    joined += words(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  joined += words(text.slice(last));
  return keepKnownSymbols(correctEspeakIpa(joined, lang)).replace(/ {2,}/g, " ").trim();
}

/** Splits normalized text into sentences (one inference run each, unless a sentence is over the token limit). */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…]+["”'»)\]]*)\s+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}
