import { cardinalOfDigits, decimal } from "./number-words.js";

/** A written number: optional sign, digits with optional thousands commas, optional decimals. Bounded, so linear. */
export const NUMBER_SOURCE = String.raw`[-−]?(?:\d{1,3}(?:,\d{3}){1,4}(?!\d)|\d{1,16})(?:\.\d{1,12})?(?![\d])`;
/** The same without a sign. */
export const UNSIGNED_SOURCE = String.raw`(?:\d{1,3}(?:,\d{3}){1,4}(?!\d)|\d{1,16})(?:\.\d{1,12})?(?![\d])`;

/** "1,234.5" → "one thousand two hundred thirty four point five"; "-3" → "minus three". */
export function readNumber(written: string): string {
  let text = written;
  let sign = "";
  if (text.startsWith("-") || text.startsWith("−")) {
    sign = "minus ";
    text = text.slice(1);
  }
  const dot = text.indexOf(".");
  if (dot < 0) return sign + cardinalOfDigits(text);
  return sign + decimal(text.slice(0, dot), text.slice(dot + 1));
}

/** True when a written number is exactly one (for "1 kilogram", "$1" → "one dollar"). */
export function isOne(written: string): boolean {
  return written.replace(/^[-−]/, "") === "1";
}

/** Text just before `index` (up to `length` characters). */
export function before(text: string, index: number, length = 24): string {
  return text.slice(Math.max(0, index - length), index);
}

/** Text from `index` on (up to `length` characters). */
export function after(text: string, index: number, length = 24): string {
  return text.slice(index, index + length);
}

/**
 * True when the dot that ends a match (`p.m.`, `etc.`) also ends the sentence: it is the last
 * character of the text, or a capitalized word follows. The spoken form then keeps a full stop.
 */
export function dotEndsSentence(text: string, end: number): boolean {
  if (text[end - 1] !== ".") return false;
  const rest = text.slice(end, end + 4);
  return rest === "" || /^\s*$/.test(rest) || /^\s{1,3}["“'‘(]?\p{Lu}/u.test(rest);
}
