/** English number words: cardinals, ordinals, digit by digit, and years. */

const ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES = ["", "thousand", "million", "billion", "trillion"];

/** The largest whole number read as words; longer digit strings are read digit by digit. */
export const MAX_CARDINAL = 999_999_999_999_999;

function underHundred(n: number): string {
  if (n < 20) return ONES[n]!;
  const tens = TENS[Math.floor(n / 10)]!;
  return n % 10 === 0 ? tens : `${tens} ${ONES[n % 10]}`;
}

function underThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${ONES[hundreds]} hundred`);
  if (rest > 0) parts.push(underHundred(rest));
  return parts.join(" ");
}

/** 1234 → "one thousand two hundred thirty four" (American style, no "and"). Whole numbers up to MAX_CARDINAL. */
export function cardinal(n: number): string {
  if (n === 0) return "zero";
  if (n < 0) return `minus ${cardinal(-n)}`;
  if (!Number.isSafeInteger(n) || n > MAX_CARDINAL) return digits(String(n));
  const groups: string[] = [];
  let rest = n;
  for (let scale = 0; rest > 0; scale++) {
    const group = rest % 1000;
    if (group > 0) groups.unshift(SCALES[scale] ? `${underThousand(group)} ${SCALES[scale]}` : underThousand(group));
    rest = Math.floor(rest / 1000);
  }
  return groups.join(" ");
}

/** Reads a string of digits (given as written) as a cardinal, or digit by digit when too long or zero-padded. */
export function cardinalOfDigits(written: string): string {
  const plain = written.replace(/,/g, "");
  if (plain.length > 1 && plain.startsWith("0")) return digits(plain);
  if (plain.length > 15) return digits(plain);
  return cardinal(Number(plain));
}

/** "507" → "five zero seven". */
export function digits(written: string): string {
  return [...written].filter((c) => c >= "0" && c <= "9").map((c) => ONES[Number(c)]).join(" ");
}

const IRREGULAR_ORDINALS: Record<string, string> = {
  one: "first", two: "second", three: "third", five: "fifth", eight: "eighth", nine: "ninth", twelve: "twelfth",
};

/** Turns the last word of a cardinal into its ordinal: "twenty one" → "twenty first". */
export function ordinalOfWords(words: string): string {
  const space = words.lastIndexOf(" ");
  const head = space < 0 ? "" : words.slice(0, space + 1);
  const last = space < 0 ? words : words.slice(space + 1);
  const irregular = IRREGULAR_ORDINALS[last];
  if (irregular) return head + irregular;
  if (last.endsWith("y")) return `${head}${last.slice(0, -1)}ieth`;
  return `${head}${last}th`;
}

/** 21 → "twenty first". */
export function ordinal(n: number): string {
  return ordinalOfWords(cardinal(n));
}

/** Plural of an ordinal used as a denominator: "third" → "thirds", "half" → "halves". */
export function pluralOrdinal(word: string): string {
  return word.endsWith("half") ? `${word.slice(0, -4)}halves` : `${word}s`;
}

/**
 * A year as people say it: 1999 → "nineteen ninety nine", 2008 → "two thousand eight",
 * 2024 → "twenty twenty four", 1900 → "nineteen hundred", 1905 → "nineteen oh five".
 */
export function year(n: number): string {
  if (n < 1000 || n > 9999) return cardinal(n);
  const high = Math.floor(n / 100);
  const low = n % 100;
  if (n % 1000 < 10 && n % 1000 === low) {
    // 2000–2009, 1000–1009: "two thousand eight"
    return cardinal(n);
  }
  if (low === 0) return `${underHundred(high)} hundred`;
  if (low < 10) return `${underHundred(high)} oh ${ONES[low]}`;
  return `${underHundred(high)} ${underHundred(low)}`;
}

/** A decade: 1990 → "nineteen nineties", 2000 → "two thousands", 80 → "eighties". */
export function decade(n: number): string {
  if (n < 100) return pluralDecade(underHundred(n));
  if (n % 1000 === 0) return `${cardinal(n)}s`;
  return pluralDecade(year(n));
}

function pluralDecade(words: string): string {
  if (words.endsWith("y")) return `${words.slice(0, -1)}ies`;
  if (words.endsWith("hundred")) return `${words}s`;
  return `${words}s`;
}

/** "3.14" → "three point one four"; the integer part as a cardinal, the fraction digit by digit. */
export function decimal(integerPart: string, fractionPart: string): string {
  const whole = integerPart === "" ? "" : `${cardinalOfDigits(integerPart)} `;
  return `${whole}point ${digits(fractionPart)}`;
}
