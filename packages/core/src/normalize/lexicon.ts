/** A lexicon entry: a spoken form, and/or phonemes for engines that take them. */
export type LexiconEntry = string | { say?: string; phonemes?: string };

/** Phoneme notation a TTS engine accepts inline: `espeak` is eSpeak NG's `[[…]]` (also Piper's phonemizer). */
export type PhonemeNotation = "espeak";

interface CompiledEntry {
  readonly pattern: RegExp;
  readonly say: string | undefined;
  readonly phonemes: string | undefined;
  /** Written in lower case: matches any capitalization, and keeps a leading capital. */
  readonly anyCase: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const FIRST_WORD = /^[\p{L}\p{N}]{1,64}/u;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The key an entry is filed under: its first word in lower case, or its first character. */
function bucketOf(text: string): string {
  return (FIRST_WORD.exec(text)?.[0] ?? text.slice(0, 1)).toLowerCase();
}

/**
 * Whole-word replacements from the config's `normalize.lexicon`. An entry written in lower case
 * ("voxpipe") matches any capitalization; one with a capital ("SQL") matches only that spelling.
 * Spaces in a phrase match any run of whitespace. Longer entries win over shorter ones.
 */
export class Lexicon {
  private readonly buckets = new Map<string, CompiledEntry[]>();

  constructor(entries: Readonly<Record<string, LexiconEntry>>, private readonly phonemes: PhonemeNotation | undefined) {
    const keys = Object.keys(entries).sort((a, b) => b.length - a.length);
    for (const key of keys) {
      const trimmed = key.trim();
      if (trimmed === "") continue;
      const entry = entries[key]!;
      const anyCase = trimmed === trimmed.toLowerCase();
      const source = trimmed.split(/\s+/).map(escape).join("\\s{1,16}");
      const before = WORD_CHAR.test(trimmed[0]!) ? "(?<![\\p{L}\\p{N}])" : "";
      const after = WORD_CHAR.test(trimmed[trimmed.length - 1]!) ? "(?![\\p{L}\\p{N}])" : "";
      const pattern = new RegExp(`${before}${source}${after}`, anyCase ? "iuy" : "uy");
      const compiled: CompiledEntry =
        typeof entry === "string" ? { pattern, say: entry, phonemes: undefined, anyCase } : { pattern, say: entry.say, phonemes: entry.phonemes, anyCase };
      const bucket = bucketOf(trimmed);
      const list = this.buckets.get(bucket) ?? [];
      list.push(compiled);
      this.buckets.set(bucket, list);
    }
  }

  get size(): number {
    return this.buckets.size;
  }

  /** The entry matching at `index`: its length in `text` and what to say, or undefined. */
  match(text: string, index: number): { length: number; spoken: string } | undefined {
    if (this.buckets.size === 0) return undefined;
    FIRST_WORD.lastIndex = 0;
    const rest = text.slice(index, index + 65);
    const candidates = this.buckets.get(bucketOf(rest));
    if (!candidates) return undefined;
    for (const entry of candidates) {
      entry.pattern.lastIndex = index;
      const found = entry.pattern.exec(text);
      if (!found) continue;
      const matched = found[0];
      if (entry.phonemes !== undefined && this.phonemes === "espeak") return { length: matched.length, spoken: `[[${entry.phonemes}]]` };
      const say = entry.say ?? matched;
      const capitalize = entry.anyCase && /^\p{Lu}/u.test(matched) && /^\p{Ll}/u.test(say);
      return { length: matched.length, spoken: capitalize ? say[0]!.toUpperCase() + say.slice(1) : say };
    }
    return undefined;
  }
}
