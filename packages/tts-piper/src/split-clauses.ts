/** Punctuation that ends a clause, as Piper's phoneme map spells it. */
export type ClauseTerminator = "" | "." | "!" | "?" | "," | ":" | ";";

/** A piece of text up to (and including) its clause punctuation. */
export interface Clause {
  /** The clause's text, trimmed, punctuation included (eSpeak uses it for intonation). */
  text: string;
  /** The punctuation Piper keeps after the clause's phonemes; "" when the text just ends. */
  terminator: ClauseTerminator;
  /** True for `.`, `!`, `?` and the end of the text: a new sentence (a new inference run) starts after it. */
  endsSentence: boolean;
}

const asciiTerminators: Record<string, ClauseTerminator> = { ".": ".", "!": "!", "?": "?", ",": ",", ":": ":", ";": ";" };
// Full-width and other scripts' clause marks need no space after them.
const wideTerminators: Record<string, ClauseTerminator> = {
  "。": ".", "！": "!", "？": "?", "，": ",", "、": ",", "：": ":", "；": ";", "¿": "", "¡": "",
};
const closers = new Set(['"', "'", "”", "’", "»", "›", ")", "]", "}", "」", "』"]);
const isSpace = (char: string | undefined): boolean => char === undefined || /\s/u.test(char);

/**
 * Splits text into clauses at the punctuation eSpeak treats as clause
 * terminators — `. ! ? , : ;` followed by a space or the end (so `3.5` and
 * `10:30` stay whole), an ellipsis, and full-width marks — the way Piper's
 * phonemizer gets clause terminators from eSpeak, so that the punctuation can
 * be put back into the phonemes.
 */
export function splitClauses(text: string): Clause[] {
  const chars = Array.from(text);
  const clauses: Clause[] = [];
  let start = 0;
  const push = (end: number, terminator: ClauseTerminator, endsSentence: boolean): void => {
    const clauseText = chars.slice(start, end).join("").trim();
    start = end;
    if (clauseText) clauses.push({ text: clauseText, terminator, endsSentence });
  };
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const wide = wideTerminators[char];
    if (wide !== undefined) {
      if (wide === "") continue; // opening marks such as ¿ ¡
      let end = i + 1;
      while (end < chars.length && closers.has(chars[end] as string)) end++;
      push(end, wide, wide === "." || wide === "!" || wide === "?");
      i = end - 1;
      continue;
    }
    const ellipsis = char === "…" || (char === "." && chars[i + 1] === "." && chars[i + 2] === ".");
    let terminator = ellipsis ? "," : asciiTerminators[char];
    if (terminator === undefined) continue;
    let end = i + 1;
    // A run like "?!" or "..." counts once, as its first mark.
    while (end < chars.length && (chars[end] === "." || chars[end] === "!" || chars[end] === "?" || chars[end] === "…")) end++;
    while (end < chars.length && closers.has(chars[end] as string)) end++;
    if (!isSpace(chars[end])) continue;
    const atEnd = chars.slice(end).every((c) => isSpace(c));
    if (ellipsis && atEnd) terminator = ".";
    push(end, terminator, terminator === "." || terminator === "!" || terminator === "?");
    i = end - 1;
  }
  push(chars.length, "", true);
  return clauses;
}

/** Groups clauses into sentences: each ends with a clause whose `endsSentence` is true. */
export function groupSentences(clauses: readonly Clause[]): Clause[][] {
  const sentences: Clause[][] = [];
  let current: Clause[] = [];
  for (const clause of clauses) {
    current.push(clause);
    if (clause.endsSentence) {
      sentences.push(current);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
