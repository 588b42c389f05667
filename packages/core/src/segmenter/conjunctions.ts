/**
 * Conjunctions before which an over-long sentence may be cut (rule 4), compared
 * as packed numbers so the builder never slices its text to read a token.
 */

/** Longest conjunction; longer tokens are not tracked. */
export const CONJUNCTION_MAX_LENGTH = 7;

/** Packs a lowercase ASCII word into a number (base 27, `a` = 1); `key * 27 + (code - 96)` extends it. */
export function wordKey(word: string): number {
  let key = 0;
  for (let i = 0; i < word.length; i++) key = key * 27 + (word.charCodeAt(i) - 96);
  return key;
}

/** Key of "and": a cut never falls between "and" and "then". */
export const AND_KEY = wordKey("and");
/** Key of "then". */
export const THEN_KEY = wordKey("then");

const CONJUNCTION_KEYS = new Set(["and", "but", "or", "so", "because", "while", "which", "then"].map(wordKey));

/** True when `key` is the key of a conjunction. */
export function isConjunctionKey(key: number): boolean {
  return CONJUNCTION_KEYS.has(key);
}
