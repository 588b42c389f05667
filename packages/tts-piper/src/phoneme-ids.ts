/** A voice's `phoneme_id_map`: each phoneme (one code point, or a few) to its ids. */
export type PhonemeIdMap = Readonly<Record<string, readonly number[]>>;

/** Piper's special symbols. */
export const PAD = "_";
export const BOS = "^";
export const EOS = "$";

/**
 * Phonemes to model input ids by Piper's rule (piper1-gpl `phoneme_ids.py`,
 * rhasspy/piper `phonemes_to_ids`): the ids of `^`, then `_`; then for each
 * phoneme its ids followed by the ids of `_`; then the ids of `$` — that is
 * `^ _ (p _)* $`. A phoneme missing from the map is skipped and reported
 * through `onMissing`.
 */
export function phonemesToIds(phonemes: readonly string[], idMap: PhonemeIdMap, onMissing?: (phoneme: string) => void): number[] {
  const pad = idMap[PAD] ?? [];
  const ids: number[] = [...(idMap[BOS] ?? []), ...pad];
  for (const phoneme of phonemes) {
    const phonemeIds = idMap[phoneme];
    if (!phonemeIds) {
      onMissing?.(phoneme);
      continue;
    }
    ids.push(...phonemeIds, ...pad);
  }
  ids.push(...(idMap[EOS] ?? []));
  return ids;
}

/** `"ɚ" (U+025A)`: a phoneme as a log line can show it, even when it is a combining mark. */
export function describePhoneme(phoneme: string): string {
  const codes = Array.from(phoneme, (char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`);
  return `${JSON.stringify(phoneme)} (${codes.join(" ")})`;
}
