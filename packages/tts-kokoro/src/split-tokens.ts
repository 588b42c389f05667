/** Where a run may end, best first: after a sentence mark, after a clause mark, at a word space. */
const BOUNDARIES: readonly RegExp[] = [/(?<=[.!?]["”]?) /g, /(?<=[;:,—…]["”]?) /g, / /g];

/**
 * Splits phonemes (one token per code point) into runs of at most `max`
 * tokens, never dropping one: at sentence marks if that is enough, else at
 * clause marks (`, ; : — …`), else at word spaces; a single word longer than
 * `max` (which real text does not have) is cut at `max`. Pieces are packed
 * greedily, so runs are as long as the limit allows.
 */
export function splitTokens(phonemes: string, max: number): string[] {
  if (max < 1) throw new RangeError(`splitTokens: max must be at least 1, got ${max}`);
  return split(phonemes.trim(), max, 0).filter((run) => run.length > 0);
}

function split(text: string, max: number, level: number): string[] {
  const symbols = Array.from(text);
  if (symbols.length <= max) return [text];
  const boundary = BOUNDARIES[level];
  if (!boundary) {
    const runs: string[] = [];
    for (let start = 0; start < symbols.length; start += max) runs.push(symbols.slice(start, start + max).join(""));
    return runs;
  }
  const pieces = text.split(boundary).flatMap((piece) => split(piece, max, level + 1));
  const runs: string[] = [];
  let current = "";
  for (const piece of pieces) {
    const joined = current ? `${current} ${piece}` : piece;
    if (Array.from(joined).length <= max) {
      current = joined;
    } else {
      if (current) runs.push(current);
      current = piece;
    }
  }
  if (current) runs.push(current);
  return runs;
}
