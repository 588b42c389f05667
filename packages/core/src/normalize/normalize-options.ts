import type { NormalizeCategory } from "./normalize-category.js";
import type { LexiconEntry, PhonemeNotation } from "./lexicon.js";

/** How a normalizer reads text. Everything is optional: the default is English with every category on. */
export interface NormalizeOptions {
  /** Language of the rules; `en` (the default) is the only one so far. */
  lang?: string;
  /** Categories to switch off (`false`); anything not listed stays on. */
  categories?: Partial<Record<NormalizeCategory, boolean>>;
  /** Words and phrases with their spoken form (or phonemes), matched as whole words before any rule. */
  lexicon?: Readonly<Record<string, LexiconEntry>>;
  /** Inline phoneme notation the TTS accepts; lexicon phonemes are used only then, otherwise their `say`. */
  phonemes?: PhonemeNotation;
  /** Categories the TTS engine reads well itself; they are left as written. */
  handledByTts?: readonly NormalizeCategory[];
}
