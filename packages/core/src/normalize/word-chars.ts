const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when the UTF-16 code unit at `index` belongs to a letter or digit (ASCII without a regular expression). */
export function isWordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0xd800 && code <= 0xdfff) {
    // A surrogate: test the whole code point (from its high half).
    const start = code >= 0xdc00 ? index - 1 : index;
    const point = text.codePointAt(start);
    return point !== undefined && WORD_CHAR.test(String.fromCodePoint(point));
  }
  return WORD_CHAR.test(text[index]!);
}
