/**
 * Cleans the raw IPA of `textToIpa` for one clause: drops language-switch
 * flags such as `(en)`, the `_` phoneme separators of the WebAssembly build,
 * and turns eSpeak's own inner clause breaks (` | `, e.g. at a dash) into
 * word spaces.
 */
export function cleanEspeakIpa(raw: string): string {
  return raw
    .replace(/\([^)]*\)/g, "")
    .replace(/\s*\|\s*/g, " ")
    .replace(/_/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
