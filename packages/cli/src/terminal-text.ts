/**
 * Control characters a terminal would act on (C0 but tab and newline, DEL,
 * C1 including the 8-bit CSI) and the invisible bidirectional overrides that
 * make text display in another order than it reads.
 */
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (char: string): string => {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/**
 * Text from a model or a server, made safe to print: every control character
 * is shown as an escape (`\x1b`, `\u202e`) instead of being sent to the
 * terminal, so model output cannot move the cursor, recolor, retitle the
 * window or hide text. Tab and newline stay.
 */
export function terminalSafe(text: string): string {
  return text.replace(unsafe, escape);
}

/** `JSON.stringify` escapes C0 but leaves DEL, C1 and bidi overrides raw; this escapes them too (still valid JSON). */
export function terminalSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(unsafe, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
