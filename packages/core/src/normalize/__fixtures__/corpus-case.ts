import type { NormalizeCategory } from "../normalize-category.js";
import type { NormalizeOptions } from "../normalize-options.js";

/** Cases of one category: [written, spoken], normalized with `options` (English defaults when absent). */
export interface CorpusGroup {
  category: NormalizeCategory | "lexicon" | "passthrough" | "mixed";
  options?: NormalizeOptions;
  cases: readonly (readonly [written: string, spoken: string])[];
}
