import type { CorpusGroup } from "./corpus-case.js";
import { numbers } from "./corpus-numbers.js";
import { fractions, ordinals } from "./corpus-ordinals-fractions.js";
import { currency, percentages } from "./corpus-money.js";
import { dates, times, years } from "./corpus-dates-times.js";
import { phoneNumbers, ranges, units } from "./corpus-measures.js";
import { abbreviations, romanNumerals } from "./corpus-words.js";
import { emails, hashtags, urls } from "./corpus-web.js";
import { math, symbols } from "./corpus-symbols.js";
import { categoriesOff, handledByTts, lexiconPhonemes, lexiconWords, passthrough } from "./corpus-lexicon.js";
import { replies } from "./corpus-replies.js";

export type { CorpusGroup } from "./corpus-case.js";

/** Every group of the normalizer's corpus: each category, the lexicon, pass-through text and whole replies. */
export const corpus: readonly CorpusGroup[] = [
  numbers, ordinals, fractions, percentages, currency, years, dates, times, ranges, phoneNumbers, units,
  romanNumerals, abbreviations, emails, urls, hashtags, math, symbols,
  lexiconWords, lexiconPhonemes, passthrough, categoriesOff, handledByTts, replies,
];
