import type { NormalizeRule } from "../normalize-rule.js";
import { cardinal, cardinalOfDigits } from "./number-words.js";
import { readNumber } from "./read-number.js";

interface Currency {
  readonly one: string;
  readonly many: string;
  /** The hundredth part, when people name it ("cents", "pence"). */
  readonly minorOne?: string;
  readonly minorMany?: string;
}

const CURRENCIES: Record<string, Currency> = {
  $: { one: "dollar", many: "dollars", minorOne: "cent", minorMany: "cents" },
  US$: { one: "U S dollar", many: "U S dollars", minorOne: "cent", minorMany: "cents" },
  A$: { one: "Australian dollar", many: "Australian dollars", minorOne: "cent", minorMany: "cents" },
  C$: { one: "Canadian dollar", many: "Canadian dollars", minorOne: "cent", minorMany: "cents" },
  "€": { one: "euro", many: "euros", minorOne: "cent", minorMany: "cents" },
  "£": { one: "pound", many: "pounds", minorOne: "penny", minorMany: "pence" },
  "¥": { one: "yen", many: "yen" },
  "₹": { one: "rupee", many: "rupees" },
  "₩": { one: "won", many: "won" },
  "₽": { one: "ruble", many: "rubles" },
  "₿": { one: "bitcoin", many: "bitcoins" },
  USD: { one: "U S dollar", many: "U S dollars", minorOne: "cent", minorMany: "cents" },
  EUR: { one: "euro", many: "euros", minorOne: "cent", minorMany: "cents" },
  GBP: { one: "pound", many: "pounds", minorOne: "penny", minorMany: "pence" },
  JPY: { one: "yen", many: "yen" },
};

const SCALE_SUFFIXES: Record<string, string> = {
  k: "thousand", K: "thousand", m: "million", M: "million", mm: "million", MM: "million",
  b: "billion", B: "billion", bn: "billion", Bn: "billion", t: "trillion", T: "trillion", tn: "trillion",
};
const SCALE_WORDS = "thousand|million|billion|trillion";

const AMOUNT = String.raw`(\d{1,3}(?:,\d{3}){1,4}(?!\d)|\d{1,15})(?:\.(\d{1,6}))?`;
const SUFFIX = String.raw`(?:(mm|MM|bn|Bn|tn|[kKmMbBtT])(?![\p{L}\p{N}])|\s(${SCALE_WORDS})(?![\p{L}]))?`;
const SYMBOLS = String.raw`US\$|A\$|C\$|[$€£¥₹₩₽₿]`;

/** The spoken amount: "three dollars fifty cents", "one hundred thousand dollars", "two point five million euros". */
function speakAmount(currency: Currency, whole: string, fraction: string | undefined, scale: string | undefined, negative: boolean): string {
  const sign = negative ? "minus " : "";
  if (scale !== undefined) {
    const number = fraction !== undefined ? readNumber(`${whole}.${fraction}`) : cardinalOfDigits(whole);
    return `${sign}${number} ${scale} ${currency.many}`;
  }
  const units = Number(whole.replace(/,/g, ""));
  const unitWords = `${cardinalOfDigits(whole)} ${units === 1 ? currency.one : currency.many}`;
  if (fraction === undefined) return sign + unitWords;
  if (fraction.length !== 2 || currency.minorOne === undefined) return `${sign}${readNumber(`${whole}.${fraction}`)} ${currency.many}`;
  const minor = Number(fraction);
  if (minor === 0) return sign + unitWords;
  const minorWords = `${cardinal(minor)} ${minor === 1 ? currency.minorOne : currency.minorMany}`;
  return units === 0 ? sign + minorWords : `${sign}${unitWords} ${minorWords}`;
}

/** $3.50, €20, £5.20, ¥1000, $100K, $2.5M, $3 billion, -$5, US$10. */
export const currencySymbolRule: NormalizeRule = {
  category: "currency",
  startsWith: /[$€£¥₹₩₽₿UAC\-−]/,
  pattern: new RegExp(
    String.raw`(?<![\p{L}\p{N}])([-−])?(${SYMBOLS})\s?(?:(\d{1,15})\s?[-–—]\s?(?=\d))?${AMOUNT}${SUFFIX}(?![\d])(\s?[-–—]\s?(?=(?:${SYMBOLS})\d))?`,
    "uy",
  ),
  speak: (match) => {
    const currency = CURRENCIES[match[2]!]!;
    const scale = match[6] !== undefined ? SCALE_SUFFIXES[match[6]] : match[7];
    // "$5-10" is "five to ten dollars"; in "$5-$10" the dash is read "to" and the second amount on its own.
    const from = match[3] !== undefined ? `${cardinalOfDigits(match[3])} to ` : "";
    return from + speakAmount(currency, match[4]!, match[5], scale, match[1] !== undefined) + (match[8] !== undefined ? " to" : "");
  },
};

/** 50 USD, 20 EUR, 3.5 million GBP, and amounts written with the symbol after them (20€, 5 £). */
export const currencyAfterRule: NormalizeRule = {
  category: "currency",
  startsWith: /[0-9]/,
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}.,])${AMOUNT}(?:\s(${SCALE_WORDS}))?\s?(USD|EUR|GBP|JPY|€|£|¥)(?![\p{L}\p{N}])`, "uy"),
  speak: (match) => speakAmount(CURRENCIES[match[4]!]!, match[1]!, match[2], match[3], false),
};

/** The pound sign before a whole number that is not money is rare in replies; ¢ after a number is cents. */
export const centsRule: NormalizeRule = {
  category: "currency",
  startsWith: /[0-9]/,
  pattern: /(?<![\p{L}\p{N}.,])(\d{1,3})\s?¢/uy,
  speak: (match) => `${cardinal(Number(match[1]))} ${match[1] === "1" ? "cent" : "cents"}`,
};
