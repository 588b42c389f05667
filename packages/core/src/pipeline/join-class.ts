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
/** Closing quotes and brackets that may follow the mark: `He said "no."`, `(see above.)`. */
const CLOSERS = /[\s"'”’»›)\]}」』）】〉》*_`]+$/u;

/** The class of a segment's written text's ending: its last mark after closing quotes and brackets. */
export function endingClass(writtenText: string): EndingClass {
  const trimmed = writtenText.replace(CLOSERS, "");
  const last = [...trimmed.slice(-2)].pop() ?? "";
  if (SENTENCE_ENDS.has(last)) return "sentence";
  if (CLAUSE_ENDS.has(last)) return "clause";
  return "none";
}

/** The class of the join between a segment that ended with `ending` and the next one. */
export function joinClass(ending: EndingClass, next: { startsBlock?: boolean }): JoinClass {
  return next.startsBlock ? "paragraph" : ending;
}
