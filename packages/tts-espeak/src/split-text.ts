/** A run of text synthesized by one engine call, and what pause follows it. */
export interface TextPiece {
  text: string;
  /** The pause espeak would have made after this piece had the text not been split. */
  pauseAfter: "sentence" | "clause" | "none";
}

const sentenceEnd = /[.!?…。！？]+["'”’)\]]*(?=\s)|\n\s*\n/g;

/** Splits text into sentences, keeping their punctuation. */
function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const match of text.matchAll(sentenceEnd)) {
    const end = match.index + match[0].length;
    const sentence = text.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** Cuts one over-long sentence at clause punctuation, else at a space, else hard. */
function cutLong(sentence: string, maxChars: number): TextPiece[] {
  const pieces: TextPiece[] = [];
  let rest = sentence;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars + 1);
    const clause = Math.max(...[",", ";", ":", "—", " -"].map((mark) => window.lastIndexOf(mark)));
    const space = window.lastIndexOf(" ");
    let cut: number;
    let pauseAfter: TextPiece["pauseAfter"];
    if (clause > maxChars / 3) {
      cut = clause + 1;
      pauseAfter = "clause";
    } else if (space > 0) {
      cut = space;
      pauseAfter = "none";
    } else {
      cut = maxChars;
      pauseAfter = "none";
    }
    pieces.push({ text: rest.slice(0, cut).trim(), pauseAfter });
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push({ text: rest, pauseAfter: "sentence" });
  return pieces;
}

/**
 * Splits a segment into pieces of at most about `maxChars` characters for
 * synthesis: whole sentences grouped together while they fit, over-long
 * sentences cut at clause punctuation or spaces. Short segments stay one piece,
 * so they sound exactly as one eSpeak call makes them.
 */
export function splitForSynthesis(text: string, maxChars = 200): TextPiece[] {
  const pieces: TextPiece[] = [];
  let group = "";
  const flush = (): void => {
    if (group) pieces.push({ text: group, pauseAfter: "sentence" });
    group = "";
  };
  for (const sentence of sentences(text)) {
    if (sentence.length > maxChars) {
      flush();
      pieces.push(...cutLong(sentence, maxChars));
    } else if (group && group.length + 1 + sentence.length > maxChars) {
      flush();
      group = sentence;
    } else {
      group = group ? `${group} ${sentence}` : sentence;
    }
  }
  flush();
  const last = pieces[pieces.length - 1];
  if (last) last.pauseAfter = "none";
  return pieces;
}
