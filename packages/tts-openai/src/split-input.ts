/**
 * Splits text longer than `maxChars` into pieces the speech endpoint accepts
 * (OpenAI takes at most 4096 characters per request). Prefers sentence ends,
 * then whitespace; hard-cuts only a run with neither.
 */
export function splitInput(text: string, maxChars: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars);
    let cut = -1;
    for (const match of window.matchAll(/[.!?;:。！？]\s/g)) cut = match.index + 1;
    if (cut <= 0) cut = window.lastIndexOf(" ");
    if (cut <= 0) cut = isHighSurrogate(rest.charCodeAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
