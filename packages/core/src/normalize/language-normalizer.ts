import type { NormalizeRule } from "./normalize-rule.js";

/**
 * The rules of one language. Add a language by writing its rules and registering it in
 * `languages.ts`; the engine (scanning, lexicon, alignment) is shared.
 */
export interface LanguageNormalizer {
  /** BCP 47 primary language tag, e.g. `en`. */
  readonly lang: string;
  /** Rules in priority order: at each position the first one that matches wins. */
  readonly rules: readonly NormalizeRule[];
  /**
   * True when a text is written in this language's script. Text in another script
   * (Chinese, Cyrillic…) passes through unchanged.
   */
  readonly readsScript: (text: string) => boolean;
  /** A short text that every rule is tried on when warming up (compiling the regular expressions ahead of use). */
  readonly sample: string;
}
