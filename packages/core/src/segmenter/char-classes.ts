/**
 * Character tests used by every segmenter stage. They take the code point
 * (and, where a Unicode property is needed, its string); ASCII takes a fast
 * path so the per-character loop stays cheap.
 */

const LOWERCASE = /^\p{Ll}/u;
const LETTER = /^\p{L}/u;

/** Horizontal whitespace (not newlines). NBSP is deliberately not whitespace: it glues `10 km`. */
export function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || code === 9 || code === 11 || code === 12;
  return code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x1680;
}

/** A line break: `\n`, `\r`, U+0085, U+2028, U+2029. */
export function isNewline(code: number): boolean {
  return code === 10 || code === 13 || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/** `0`–`9`. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A lowercase letter (Unicode `Ll`). */
export function isLowercase(ch: string, code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  return LOWERCASE.test(ch);
}

/** Any letter (Unicode `L`), including CJK ideographs. */
export function isLetter(ch: string, code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(ch);
}

/** A letter or a digit. */
export function isAlphanumeric(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER.test(String.fromCodePoint(code));
}

/** ASCII punctuation, the characters a backslash may escape in markdown. */
export function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** Han ideographs and kana: CJK "word" characters, between which a cut is allowed. */
export function isCjkWord(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x31f0 && code <= 0x31ff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff66 && code <= 0xff9f) ||
    (code >= 0x20000 && code <= 0x3134f)
  );
}

/** CJK text or CJK punctuation: pieces are joined without a space next to these. */
export function isCjk(code: number): boolean {
  return isCjkWord(code) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

/** Punctuation that can end a sentence: `.` `!` `?` `…` `‼` `⁇` `⁈` `⁉` and the CJK terminals. */
export function isTerminal(code: number): boolean {
  return (
    code === 46 ||
    code === 33 ||
    code === 63 ||
    code === 0x2026 ||
    code === 0x203c ||
    (code >= 0x2047 && code <= 0x2049) ||
    isCjkTerminal(code)
  );
}

/** `。` `｡` `！` `？`: end a sentence with no space needed. */
export function isCjkTerminal(code: number): boolean {
  return code === 0x3002 || code === 0xff61 || code === 0xff01 || code === 0xff1f;
}

/** `,` `;` `:`: preferred cut points (followed by a space); never sentence ends. */
export function isClauseMark(code: number): boolean {
  return code === 44 || code === 59 || code === 58;
}

/** `，` `、` `；` `：` `､`: CJK clause marks, cut points that need no space after them. */
export function isCjkClauseMark(code: number): boolean {
  return code === 0xff0c || code === 0x3001 || code === 0xff1b || code === 0xff1a || code === 0xff64;
}

/** Closing quotes and brackets that stay with the sentence end before them. */
export function isCloser(code: number): boolean {
  switch (code) {
    case 34: // "
    case 39: // '
    case 41: // )
    case 93: // ]
    case 125: // }
    case 0xbb: // »
    case 0x2019: // ’
    case 0x201d: // ”
    case 0x203a: // ›
    case 0x3009: // 〉
    case 0x300b: // 》
    case 0x300d: // 」
    case 0x300f: // 』
    case 0x3011: // 】
    case 0x3015: // 〕
    case 0xff09: // ）
    case 0xff3d: // ］
    case 0xff5d: // ｝
    case 0xff63: // ｣
      return true;
    default:
      return false;
  }
}

/** Opening quotes and brackets (and `¿` `¡`) that may precede a sentence's first letter. */
export function isOpener(code: number): boolean {
  switch (code) {
    case 34:
    case 39:
    case 40:
    case 91:
    case 123:
    case 0xa1: // ¡
    case 0xab: // «
    case 0xbf: // ¿
    case 0x2018: // ‘
    case 0x201c: // “
    case 0x201e: // „
    case 0x2039: // ‹
    case 0x3008:
    case 0x300a:
    case 0x300c:
    case 0x300e:
    case 0x3010:
    case 0x3014:
    case 0xff08:
    case 0xff3b:
    case 0xff5b:
    case 0xff62:
      return true;
    default:
      return false;
  }
}
