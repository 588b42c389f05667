/**
 * The pause a join between two segments calls for, from the text:
 * - `paragraph`: the next segment starts a new block (a paragraph, a list item, a heading);
 * - `sentence`: the previous segment ends a sentence (`.` `!` `?` `…`, `。！？`);
 * - `clause`: it ends at a clause mark (`,` `;` `:` `—` `–`, `，、；：`);
 * - `none`: anything else (a cut for length, an early first segment cut at a word).
 */
export type JoinClass = "sentence" | "clause" | "paragraph" | "none";

/** What a segment's own written end calls for, before the next segment is known. */
export type EndingClass = Exclude<JoinClass, "paragraph">;

const SENTENCE_ENDS = new Set([".", "!", "?", "…", "。", "！", "？", "‼", "⁇", "⁈", "⁉"]);
const CLAUSE_ENDS = new Set([",", ";", ":", "—", "–", "，", "、", "；", "："]);
/** Closing quotes, brackets and emphasis marks that may follow the mark: `He said "no."`, `(see above.)`, `**Done.**` (whitespace is skipped too). */
const CLOSERS = new Set(['"', "'", "”", "’", "»", "›", ")", "]", "}", "」", "』", "）", "】", "〉", "》", "*", "_", "`"]);

/** The class of a segment's written text's ending: its last mark after closing quotes and brackets. */
export function endingClass(writtenText: string): EndingClass {
  // Back from the end past closers and whitespace (a loop, not a regular expression: this runs on the way to every TTS request).
  let end = writtenText.length;
  while (end > 0 && (CLOSERS.has(writtenText[end - 1]!) || isWhitespace(writtenText.charCodeAt(end - 1)))) end--;
  // Every mark below is one UTF-16 unit, so the last unit is enough.
  const last = end > 0 ? writtenText[end - 1]! : "";
  if (SENTENCE_ENDS.has(last)) return "sentence";
  if (CLAUSE_ENDS.has(last)) return "clause";
  return "none";
}

/** The class of the join between a segment that ended with `ending` and the next one. */
export function joinClass(ending: EndingClass, next: { startsBlock?: boolean }): JoinClass {
  return next.startsBlock ? "paragraph" : ending;
}

/** What `\s` matches, by code unit. */
function isWhitespace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}
