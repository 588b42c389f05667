/** Text prepared for eSpeak NG, with a way back to positions in the original. */
export interface EscapedText {
  /** The text with `&`, `<` and `>` escaped, since the engine parses its input as SSML. */
  text: string;
  /**
   * Maps a 1-based character (code point) position in `text`, as eSpeak reports it,
   * to a UTF-16 index in the original string (its length past the end).
   */
  originalIndex(position: number): number;
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Escapes markup characters so they are spoken as text, keeping a position map. */
export function escapeText(original: string): EscapedText {
  let text = "";
  const map: number[] = [];
  let index = 0;
  for (const char of original) {
    const replacement = entities[char] ?? char;
    for (const _codePoint of replacement) map.push(index);
    text += replacement;
    index += char.length;
  }
  return {
    text,
    originalIndex: (position) => (position - 1 >= map.length ? original.length : (map[Math.max(position - 1, 0)] ?? 0)),
  };
}
