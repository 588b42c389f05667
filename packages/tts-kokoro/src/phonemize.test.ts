import { describe, expect, it } from "vitest";
import { loadEspeakPhonemizer } from "@voxpipe/espeak-phonemizer";
import { KOKORO_VOCAB, keepKnownSymbols, phonemesToIds } from "./kokoro-vocab.js";
import { normalizeText } from "./normalize-text.js";
import { correctEspeakIpa, phonemizeText, splitSentences, type KokoroLang } from "./phonemize.js";

const phonemize = async (text: string, lang: KokoroLang): Promise<string> => phonemizeText(normalizeText(text), lang, await loadEspeakPhonemizer());

// Cases from kokoro-js's own phonemizer tests (tests/phonemize.test.js in hexgrad/kokoro), compared after
// the vocabulary filter the tokenizer applies (the reference keeps « » in its phonemes; the tokenizer drops them).
const AMERICAN: [string, string][] = [
  ["‘Hello’", "həlˈoʊ"],
  ["‘Test’ and ‘Example’", "tˈɛst ænd ɛɡzˈæmpəl"],
  ["«Bonjour»", '"bɔːnʒˈʊɹ"'],
  ["(Hello)", "«həlˈoʊ»"],
  ["Hello   World", "həlˈoʊ wˈɜːld"],
  ["Hello\n   \nWorld", "həlˈoʊ wˈɜːld"],
  ["Dr. Smith", "dˈɑːktɚ smˈɪθ"],
  ["MR. Anderson", "mˈɪstɚɹ ˈændɚsən"],
  ["Ms. Taylor", "mˈɪs tˈeɪlɚ"],
  ["Mrs. Johnson", "mˈɪsɪz dʒˈɑːnsən"],
  ["Apples, oranges, etc.", "ˈæpəlz, ˈɔɹɪndʒᵻz, ɛtsˈɛtɹə"],
  ["Apples, etc. Pears.", "ˈæpəlz, ɛtsˈɛtɹə. pˈɛɹz."],
  ["Yeah", "jˈɛə"],
  ["1990", "nˈaɪntiːn nˈaɪndi"],
  ["2022s", "twˈɛnti twˈɛnti tˈuːz"],
  ["1,000", "wˈʌn θˈaʊzənd"],
  ["$100", "wˈʌn hˈʌndɹɪd dˈɑːlɚz"],
  ["£1.50", "wˈʌn pˈaʊnd ænd fˈɪfti pˈɛns"],
  ["0.01", "zˈiəɹoʊ pˈɔɪnt zˈiəɹoʊ wˈʌn"],
  ["10-20", "tˈɛn tə twˈɛnti"],
  ["10S", "tˈɛn ˈɛs"],
  ["Cat's tail", "kˈæts tˈeɪl"],
  ["X's mark", "ˈɛksᵻz mˈɑːɹk"],
  ["U.S.A.", "jˈuːˈɛsˈeɪ."],
  ["A.B.C", "ˈeɪbˈiːsˈiː"],
];
const BRITISH: [string, string][] = [
  ["‘Hello’", "həlˈəʊ"],
  ["‘Test’ and ‘Example’", "tˈɛst and ɛɡzˈampəl"],
  ["Dr. Smith", "dˈɒktə smˈɪθ"],
  ["Apples, etc. Pears.", "ˈapəlz, ɛtsˈɛtɹə. pˈeəz."],
  ["1990", "nˈaɪntiːn nˈaɪnti"],
  ["12:34", "twˈɛlv θˈɜːti fˈɔː"],
  ["$100", "wˈɒn hˈʌndɹɪd dˈɒləz"],
  ["Cat's tail", "kˈats tˈeɪl"],
];

describe("text → Kokoro phonemes (eSpeak NG WebAssembly), against the reference's own cases", () => {
  it.each(AMERICAN)("en-us %j", async (text, expected) => {
    expect(await phonemize(text, "en-us")).toBe(keepKnownSymbols(expected));
  });

  it.each(BRITISH)("en-gb %j", async (text, expected) => {
    expect(await phonemize(text, "en-gb")).toBe(keepKnownSymbols(expected));
  });

  it('differs from the reference only where eSpeak NG versions differ ("four": fˈɔːɹ here, fˈoːɹ in the reference\'s build)', async () => {
    expect(await phonemize("12:34", "en-us")).toBe("twˈɛlv θˈɜːɾi fˈɔːɹ");
    expect(await phonemize("12.34", "en-us")).toBe("twˈɛlv pˈɔɪnt θɹˈiː fˈɔːɹ");
  });
});

// Ids derived from the published vocabulary (hexgrad/Kokoro-82M config.json "vocab", 114 symbols),
// symbol by symbol, independently of this package's table.
const PINNED: { lang: KokoroLang; text: string; phonemes: string; ids: number[] }[] = [
  { lang: "en-us", text: "Hello, world!", phonemes: "həlˈoʊ, wˈɜːld!", ids: [50, 83, 54, 156, 57, 135, 3, 16, 65, 156, 87, 158, 54, 46, 5] },
  {
    lang: "en-us",
    text: "How are you today?",
    phonemes: "hˌaʊ ɑːɹ juː tədˈeɪ?",
    ids: [50, 157, 43, 135, 16, 69, 158, 123, 16, 52, 63, 158, 16, 62, 83, 46, 156, 47, 102, 6],
  },
  {
    lang: "en-us",
    text: "The quick brown fox jumps over the lazy dog.",
    phonemes: "ðə kwˈɪk bɹˈaʊn fˈɑːks dʒˈʌmps ˌoʊvɚ ðə lˈeɪzi dˈɑːɡ.",
    ids: [
      81, 83, 16, 53, 65, 156, 102, 53, 16, 44, 123, 156, 43, 135, 56, 16, 48, 156, 69, 158, 53, 61, 16, 46, 147, 156, 138, 55, 58, 61, 16, 157, 57, 135, 64, 85, 16, 81,
      83, 16, 54, 156, 47, 102, 68, 51, 16, 46, 156, 69, 158, 92, 4,
    ],
  },
  {
    lang: "en-us",
    text: "Kokoro costs $3.50 in 1999; ninety people agree.",
    phonemes: "kəkˈɔːɹoʊ kˈɔsts θɹˈiː dˈɑːlɚz ænd fˈɪfti sˈɛnts ɪn nˈaɪntiːn nˈaɪndi nˈaɪn; nˈaɪndi pˈiːpəl ɐɡɹˈiː.",
    ids: [
      53, 83, 53, 156, 76, 158, 123, 57, 135, 16, 53, 156, 76, 61, 62, 61, 16, 119, 123, 156, 51, 158, 16, 46, 156, 69, 158, 54, 85, 68, 16, 72, 56, 46, 16, 48, 156,
      102, 48, 62, 51, 16, 61, 156, 86, 56, 62, 61, 16, 102, 56, 16, 56, 156, 43, 102, 56, 62, 51, 158, 56, 16, 56, 156, 43, 102, 56, 46, 51, 16, 56, 156, 43, 102,
      56, 1, 16, 56, 156, 43, 102, 56, 46, 51, 16, 58, 156, 51, 158, 58, 83, 54, 16, 70, 92, 123, 156, 51, 158, 4,
    ],
  },
  {
    lang: "en-gb",
    text: "The quick brown fox jumps over the lazy dog.",
    phonemes: "ðə kwˈɪk bɹˈaʊn fˈɒks dʒˈʌmps ˌəʊvə ðə lˈeɪzi dˈɒɡ.",
    ids: [
      81, 83, 16, 53, 65, 156, 102, 53, 16, 44, 123, 156, 43, 135, 56, 16, 48, 156, 71, 53, 61, 16, 46, 147, 156, 138, 55, 58, 61, 16, 157, 83, 135, 64, 83, 16, 81,
      83, 16, 54, 156, 47, 102, 68, 51, 16, 46, 156, 71, 92, 4,
    ],
  },
];

describe("Kokoro token ids", () => {
  it("has the 114 symbols of the published vocabulary, ids 1–177, the pad 0 not among them", () => {
    const ids = Object.values(KOKORO_VOCAB);
    expect(ids).toHaveLength(114);
    expect(new Set(ids).size).toBe(114);
    expect(Math.min(...ids)).toBe(1);
    expect(Math.max(...ids)).toBe(177);
  });

  it.each(PINNED)("$lang $text", async ({ lang, text, phonemes, ids }) => {
    const got = await phonemize(text, lang);
    expect(got).toBe(phonemes);
    expect(phonemesToIds(got)).toEqual(ids);
  });

  it("drops symbols outside the vocabulary, as the reference tokenizer does", () => {
    expect(phonemesToIds("a«b»c'")).toEqual([43, 44, 45]);
  });
});

describe("Kokoro's corrections of eSpeak's IPA", () => {
  it("fixes kokoro, r, x, ʲ, ɬ, a number before hundred, a lone plural z, and American ninety", () => {
    expect(correctEspeakIpa("kəkˈoːɹoʊ", "en-us")).toBe("kˈoʊkəɹoʊ");
    expect(correctEspeakIpa("rxʲɬ", "en-us")).toBe("ɹkjl");
    expect(correctEspeakIpa("wˈʌnhˈʌndɹɪd", "en-us")).toBe("wˈʌn hˈʌndɹɪd");
    expect(correctEspeakIpa("kˈæt z.", "en-us")).toBe("kˈætz.");
    expect(correctEspeakIpa("nˈaɪnti", "en-us")).toBe("nˈaɪndi");
    expect(correctEspeakIpa("nˈaɪnti", "en-gb")).toBe("nˈaɪnti");
  });
});

describe("splitSentences", () => {
  it("cuts after . ! ? … (with closing quotes) followed by space", () => {
    expect(splitSentences('One. "Two!" Three? Four… five 3.5 six')).toEqual(["One.", '"Two!"', "Three?", "Four…", "five 3.5 six"]);
  });
});
