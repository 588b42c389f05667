import type { NormalizeCategory } from "./normalize-category.js";

/** Where a rule is being tried: the whole written text and the position of the match. */
export interface RuleContext {
  /** The whole text being normalized (one segment). */
  readonly text: string;
  /** Offset of the match in `text`. */
  readonly index: number;
  /** True when a category is switched on (rules that read several kinds of text check the others). */
  readonly enabled: (category: NormalizeCategory) => boolean;
}

/**
 * One rewrite: a sticky pattern tried at word boundaries, and what to say for a match.
 * Every quantifier in `pattern` is bounded (`{1,15}`, not `+`), so one attempt costs
 * a bounded amount of work and normalizing a text stays linear in its length.
 */
export interface NormalizeRule {
  readonly category: NormalizeCategory;
  /** Characters a match can start with (each rule is only tried where one of them stands). */
  readonly startsWith: RegExp;
  /**
   * Something every text with a match contains (an `@` for e-mail addresses), tested once per text:
   * the rule is skipped for texts without it. Must not be global or sticky.
   */
  readonly requires?: RegExp;
  /** Sticky (`y`) regular expression matched at the position being tried. */
  readonly pattern: RegExp;
  /** The spoken form of a match, or undefined when the match is not this rule's after all. */
  readonly speak: (match: RegExpExecArray, context: RuleContext) => string | undefined;
}
