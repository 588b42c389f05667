import type { LanguageNormalizer } from "../language-normalizer.js";
import { currencyAfterRule, centsRule, currencySymbolRule } from "./rules-money.js";
import { clockTimeRule, dayMonthRule, hourMeridiemRule, isoDateRule, monthAbbreviationRule, monthDayRule, numericDateRule } from "./rules-dates.js";
import { decadeRule, dottedNumberRule, fractionRule, numberRule, ordinalRule, percentRule, yearRule } from "./rules-numbers.js";
import { mathRule, numberSignRule, phoneRule, rangeRule, symbolRule, twentyFourSevenRule } from "./rules-symbols.js";
import { unitRule } from "./rules-units.js";
import { emailRule, hashtagRule, urlRule } from "./rules-web.js";
import { abbreviationRule, romanNumeralRule } from "./rules-words.js";

const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

/** English reads a text when most of its letters are Latin (or it has none: "$5", "10:30"). ASCII is counted without regular expressions. */
function readsLatinScript(text: string): boolean {
  let latin = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++;
      continue;
    }
    const point = text.codePointAt(i)!;
    if (point > 0xffff) i++;
    const char = String.fromCodePoint(point);
    if (!LETTER.test(char)) continue;
    if (LATIN.test(char)) latin++;
    else other++;
  }
  return latin >= other;
}

/**
 * English (American readings: "one thousand two hundred", no "and"; month-first numeric dates).
 * The order matters where written forms overlap: addresses before numbers, dates and times
 * before ranges and math, money before plain numbers, plain numbers last.
 */
export const english: LanguageNormalizer = {
  lang: "en",
  readsScript: readsLatinScript,
  sample:
    "Dr. Smith on Oak St. paid $3.50, €20 and 50 USD on Jan. 5, 2024, 4 July 1976, 2024-03-15 and 12/25/2023 at 10:30 am and 3 p.m., " +
    "for 5-10 kg, 25°C, 3/4 and 1 1/2 cups, 50% of the 21st, in 1999, the 1990s, 1.2.3, -3 and 1,234; Louis XIV, chapter IV, e.g. etc. " +
    "Mail a.b@example.com, see https://example.com/docs or voxpipe.dev, #AI @voxpipe #1 24/7 & 2+2=4; call (555) 123-4567.",
  rules: [
    emailRule,
    urlRule,
    numberSignRule,
    hashtagRule,
    phoneRule,
    isoDateRule,
    numericDateRule,
    monthDayRule,
    dayMonthRule,
    monthAbbreviationRule,
    clockTimeRule,
    hourMeridiemRule,
    mathRule,
    currencySymbolRule,
    currencyAfterRule,
    centsRule,
    twentyFourSevenRule,
    rangeRule,
    percentRule,
    unitRule,
    ordinalRule,
    decadeRule,
    fractionRule,
    yearRule,
    dottedNumberRule,
    numberRule,
    romanNumeralRule,
    abbreviationRule,
    symbolRule,
  ],
};
