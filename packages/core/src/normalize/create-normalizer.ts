import { languageNormalizer } from "./languages.js";
import { Lexicon } from "./lexicon.js";
import type { LanguageNormalizer } from "./language-normalizer.js";
import type { NormalizeCategory } from "./normalize-category.js";
import type { NormalizeOptions } from "./normalize-options.js";
import type { NormalizeRule, RuleContext } from "./normalize-rule.js";
import type { NormalizedText } from "./normalized-text.js";
import { SpokenTextBuilder } from "./spoken-text-builder.js";
import { isWordCharAt } from "./word-chars.js";

/** Turns written text into what a person would say reading it aloud. */
export interface Normalizer {
  /** The language of its rules. */
  readonly lang: string;
  /** Normalizes one segment (or any text); linear in its length. */
  normalize(text: string): NormalizedText;
  /**
   * Compiles every rule's regular expression now (tens of ms in a fresh process, shared by every
   * normalizer), so the first segment spoken does not wait for it. Call it while loading.
   */
  warmUp(): void;
}

/** What replaces the text at a position: how much of it, with what, by whom (the lexicon when `by` is absent). */
interface Rewrite {
  length: number;
  spoken: string;
  by?: NormalizeCategory;
}


/**
 * A normalizer for `options.lang` (English by default) with every category on unless
 * switched off, or handled by the TTS itself. The lexicon is tried before the rules.
 */
export function createNormalizer(options: NormalizeOptions = {}): Normalizer {
  const language = languageNormalizer(options.lang ?? "en");
  const off = new Set<NormalizeCategory>(options.handledByTts ?? []);
  for (const [category, on] of Object.entries(options.categories ?? {})) if (on === false) off.add(category as NormalizeCategory);
  const lexicon = new Lexicon(options.lexicon ?? {}, options.phonemes);
  const enabled = (category: NormalizeCategory): boolean => !off.has(category);
  const byFirstChar = ruleTableFor(language, off);

  return {
    lang: language.lang,
    warmUp() {
      // V8 compiles a regular expression separately for one-byte (Latin-1) and two-byte strings: warm both.
      for (const sample of [language.sample, language.sample.replace(/[^\x20-\x7e]/g, " ")]) {
        warmRules(language, sample);
        this.normalize(sample);
        this.normalize(sample);
      }
    },
    normalize(text) {
      const builder = new SpokenTextBuilder(text);
      if (text === "" || !language.readsScript(text)) return builder.result();
      const table = byFirstChar.forText(text);
      let copiedTo = 0;
      let i = 0;
      while (i < text.length) {
        const char = text[i]!;
        const atWordStart = i === 0 || i === copiedTo || !isWordCharAt(text, i - 1);
        const isWordChar = isWordCharAt(text, i);
        if (atWordStart || !isWordChar) {
          const found: Rewrite | undefined = lexicon.match(text, i) ?? tryRules(table.rulesFor(char), text, i, enabled);
          if (found) {
            builder.copy(copiedTo, i);
            builder.rewrite(i, i + found.length, found.spoken, found.by ?? "lexicon");
            i += found.length;
            copiedTo = i;
            continue;
          }
        }
        // A word is copied whole: rules and lexicon entries only start at its first character.
        i += 1;
        if (isWordChar) while (i < text.length && isWordCharAt(text, i)) i++;
      }
      builder.copy(copiedTo, text.length);
      return builder.result();
    },
  };
}

/** Runs every rule of a language at every position of `sample`, twice (so V8 also tiers its regular expressions up). */
function warmRules(language: LanguageNormalizer, sample: string): void {
  for (let round = 0; round < 2; round++) {
    language.readsScript(sample);
    for (const rule of language.rules) {
      rule.startsWith.test(sample);
      rule.requires?.test(sample);
      for (let i = 0; i < sample.length; i++) {
        rule.pattern.lastIndex = i;
        rule.pattern.exec(sample);
      }
    }
  }
}

function tryRules(
  rules: readonly NormalizeRule[],
  text: string,
  index: number,
  enabled: (category: NormalizeCategory) => boolean,
): { length: number; spoken: string; by: NormalizeCategory } | undefined {
  if (rules.length === 0) return undefined;
  const context: RuleContext = { text, index, enabled };
  for (const rule of rules) {
    rule.pattern.lastIndex = index;
    const match = rule.pattern.exec(text);
    if (!match || match[0].length === 0) continue;
    const spoken = rule.speak(match, context);
    if (spoken !== undefined) return { length: match[0].length, spoken, by: rule.category };
  }
  return undefined;
}

/**
 * Rule tables by language and the categories switched off. A pipeline run creates a normalizer, so
 * building the table each time would put a quarter of a millisecond on every first segment's path;
 * there are only as many tables as distinct settings.
 */
const ruleTables = new Map<string, RuleTable>();

function ruleTableFor(language: LanguageNormalizer, off: ReadonlySet<NormalizeCategory>): RuleTable {
  const key = `${language.lang}:${[...off].sort().join(",")}`;
  let table = ruleTables.get(key);
  if (!table) {
    table = new RuleTable(language.rules.filter((rule) => !off.has(rule.category)));
    ruleTables.set(key, table);
  }
  return table;
}

/**
 * The rules that can start at a character, looked up by char code for ASCII (tested each time otherwise).
 * Rules that need a character (`requires`) get a second table, used for texts that lack it.
 */
class RuleTable {
  private readonly ascii: (readonly NormalizeRule[])[] = [];
  private readonly required: RegExp[];
  /** Tables without some rules, keyed by the bits of the required patterns missing. */
  private readonly without = new Map<number, RuleTable>();

  constructor(private readonly rules: readonly NormalizeRule[]) {
    this.required = [...new Set(rules.flatMap((rule) => (rule.requires ? [rule.requires] : [])))];
    if (this.required.length > 31) throw new Error(`A language has ${this.required.length} distinct \`requires\` patterns; at most 31 are supported.`);
    for (let code = 0; code < 128; code++) {
      const char = String.fromCharCode(code);
      this.ascii.push(rules.filter((rule) => rule.startsWith.test(char)));
    }
  }

  /** The table for one text: without the rules whose required characters it lacks. */
  forText(text: string): RuleTable {
    // Which required patterns the text lacks, as bits (no arrays or strings built: this runs for every segment).
    let missing = 0;
    for (let i = 0; i < this.required.length; i++) if (!this.required[i]!.test(text)) missing |= 1 << i;
    if (missing === 0) return this;
    let table = this.without.get(missing);
    if (!table) {
      const lacking = this.required.filter((_, i) => (missing & (1 << i)) !== 0);
      table = new RuleTable(this.rules.filter((rule) => !rule.requires || !lacking.includes(rule.requires)));
      this.without.set(missing, table);
    }
    return table;
  }

  rulesFor(char: string): readonly NormalizeRule[] {
    const code = char.charCodeAt(0);
    if (code < 128) return this.ascii[code]!;
    return this.rules.filter((rule) => rule.startsWith.test(char));
  }
}
