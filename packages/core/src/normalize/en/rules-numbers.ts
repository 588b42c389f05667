import type { NormalizeRule } from "../normalize-rule.js";
import { before, NUMBER_SOURCE, readNumber } from "./read-number.js";
import { cardinal, cardinalOfDigits, decade, digits, ordinal, ordinalOfWords, pluralOrdinal, year } from "./number-words.js";

const NOT_AFTER_WORD = String.raw`(?<![\p{L}\p{N}.,])`;
const DIGIT = /[0-9]/;

/** 1st, 2nd, 23rd, 100th, 1,000th. */
export const ordinalRule: NormalizeRule = {
  category: "ordinals",
  startsWith: DIGIT,
  pattern: new RegExp(String.raw`${NOT_AFTER_WORD}(\d{1,3}(?:,\d{3}){1,4}|\d{1,15})([sS][tT]|[nN][dD]|[rR][dD]|[tT][hH])(?![\p{L}\p{N}])`, "uy"),
  speak: (match) => {
    const n = Number(match[1]!.replace(/,/g, ""));
    const suffix = match[2]!;
    const expected = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
    return suffix.toLowerCase() === expected ? ordinal(n) : undefined;
  },
};

/** The 1990s, the 80s, '90s, 1920's. */
export const decadeRule: NormalizeRule = {
  category: "years",
  startsWith: /[0-9'’]/,
  pattern: new RegExp(String.raw`${NOT_AFTER_WORD}(?:(\d{2}[1-9]0|\d[1-9]00|[1-9]000)|['’]?([1-9]0))['’]?s(?![\p{L}\p{N}])`, "uy"),
  speak: (match) => (match[1] !== undefined ? decade(Number(match[1])) : decade(Number(match[2]))),
};

const YEAR_CONTEXT = /(?:^|[^\p{L}])(?:in|since|of|by|from|until|till|to|through|year|circa|c\.|around|before|after|during|early|late|mid|summer|winter|spring|autumn|fall|class|vintage|back|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s{1,3}$/iu;

/**
 * A four-digit number read as a year: after a word like "in", "since", "by" or a month,
 * before AD/BC/CE, in a range of years (1990-1995), or alone before punctuation ("It was 1999.").
 */
export const yearRule: NormalizeRule = {
  category: "years",
  startsWith: DIGIT,
  pattern: new RegExp(String.raw`${NOT_AFTER_WORD}(?:(\d{1,4})\s{0,2}(AD|BC|BCE|CE|A\.D\.|B\.C\.)(?![\p{L}])|([12]\d{3})(?![\p{L}\p{N}]|[.,]\d))`, "uy"),
  speak: (match, { text, index }) => {
    if (match[1] !== undefined) return `${year(Number(match[1]))} ${match[2]!.replace(/\./g, "").split("").join(" ")}`;
    const n = Number(match[3]);
    if (n < 1000 || n > 2999) return undefined;
    const end = index + match[0].length;
    const next = text.slice(end, end + 8);
    const previous = before(text, index);
    if (YEAR_CONTEXT.test(previous)) return year(n);
    if (n < 1100 || n > 2099) return undefined;
    if (/^\s?[-–—]\s?[12]\d{3}(?!\d)/.test(next) || /[12]\d{3}\s?[-–—]\s?$/.test(previous)) return year(n);
    if (n >= 1800 && /^(?:$|[.!?;:)"”’]|,\s)/.test(next)) return year(n);
    return undefined;
  },
};

const UNICODE_FRACTIONS: Record<string, [number, number]> = {
  "½": [1, 2], "⅓": [1, 3], "⅔": [2, 3], "¼": [1, 4], "¾": [3, 4], "⅕": [1, 5], "⅖": [2, 5], "⅗": [3, 5], "⅘": [4, 5],
  "⅙": [1, 6], "⅚": [5, 6], "⅛": [1, 8], "⅜": [3, 8], "⅝": [5, 8], "⅞": [7, 8], "⅐": [1, 7], "⅑": [1, 9], "⅒": [1, 10],
};

/** "three quarters", "one half", "five eighths", "one over three hundred sixty five". */
export function fraction(numerator: number, denominator: number): string {
  if (denominator === 0) return `${cardinal(numerator)} over zero`;
  if (denominator > 100) return `${cardinal(numerator)} over ${cardinal(denominator)}`;
  const unit = denominator === 2 ? "half" : denominator === 4 ? "quarter" : ordinalOfWords(cardinal(denominator)).replace(/^one (?=hundredth|thousandth)/, "");
  return `${cardinal(numerator)} ${numerator === 1 ? unit : pluralOrdinal(unit)}`;
}

/** With a whole part: "one and a half", "two and three quarters". */
function mixed(whole: number, numerator: number, denominator: number): string {
  const part = numerator === 1 ? fraction(1, denominator).replace(/^one (?=[aeiou])/, "an ").replace(/^one /, "a ") : fraction(numerator, denominator);
  return `${cardinal(whole)} and ${part}`;
}

/** 3/4, 1 1/2, ½, 2½. Not dates (3/4/2024) and not 24/7 (a symbol rule). */
export const fractionRule: NormalizeRule = {
  category: "fractions",
  startsWith: new RegExp(`[0-9${Object.keys(UNICODE_FRACTIONS).join("")}]`),
  pattern: new RegExp(
    String.raw`${NOT_AFTER_WORD}(?:(?:(\d{1,6})\s)?(\d{1,6})\/(\d{1,6})(?![\d/]|\.\d)|(\d{1,6})?([${Object.keys(UNICODE_FRACTIONS).join("")}]))`,
    "uy",
  ),
  speak: (match) => {
    if (match[5] !== undefined) {
      const [numerator, denominator] = UNICODE_FRACTIONS[match[5]]!;
      return match[4] !== undefined ? mixed(Number(match[4]), numerator, denominator) : fraction(numerator, denominator);
    }
    const numerator = Number(match[2]);
    const denominator = Number(match[3]);
    if (match[1] !== undefined) {
      if (numerator >= denominator) return undefined;
      return mixed(Number(match[1]), numerator, denominator);
    }
    return fraction(numerator, denominator);
  },
};

/** 50%, 3.5 %, -2%, 12 percent stays as written. */
export const percentRule: NormalizeRule = {
  category: "percentages",
  startsWith: /[0-9.\-−]/,
  pattern: new RegExp(String.raw`${NOT_AFTER_WORD}(${NUMBER_SOURCE}|\.\d{1,12})\s?(%|‰)`, "uy"),
  speak: (match) => {
    const written = match[1]!;
    const number = written.startsWith(".") ? `point ${digits(written.slice(1))}` : readNumber(written);
    return `${number} ${match[2] === "%" ? "percent" : "per mille"}`;
  },
};

/** Cardinals (1,234), decimals (3.14, .5), negatives (-3, −3) and long digit strings (read digit by digit). */
export const numberRule: NormalizeRule = {
  category: "numbers",
  startsWith: /[0-9.\-−]/,
  pattern: new RegExp(String.raw`${NOT_AFTER_WORD}(?:(${NUMBER_SOURCE})|\.(\d{1,12})(?![\d.])|(\d{17,64}))`, "uy"),
  speak: (match, { text, index, enabled }) => {
    // A number that belongs to a switched-off category ("$3.50", "50%") is left whole for the TTS.
    const end = index + match[0].length;
    if (!enabled("currency") && /[$€£¥₹₩₽₿]\s?$/.test(text.slice(Math.max(0, index - 2), index))) return undefined;
    if (!enabled("percentages") && /^\s?[%‰]/.test(text.slice(end, end + 2))) return undefined;
    if (match[3] !== undefined) return digits(match[3]);
    if (match[2] !== undefined) return `point ${digits(match[2])}`;
    const written = match[1]!;
    if (/^[-−]/.test(written)) {
      // A dash is a minus only where a number starts: at the start, after a space or an opening bracket.
      const previous = text[index - 1];
      if (previous !== undefined && !/[\s([{=:<>]/.test(previous)) return undefined;
    }
    return readNumber(written);
  },
};

/** Dotted numbers such as versions (1.2.3): each part in turn, "one point two point three". */
export const dottedNumberRule: NormalizeRule = {
  category: "numbers",
  startsWith: DIGIT,
  pattern: new RegExp(String.raw`${NOT_AFTER_WORD}\d{1,6}(?:\.\d{1,6}){2,6}(?![\d])`, "uy"),
  speak: (match) => match[0].split(".").map((part) => cardinalOfDigits(part)).join(" point "),
};

export { cardinal };
