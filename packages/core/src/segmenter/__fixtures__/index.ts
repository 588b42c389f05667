import { abbreviationCases, numberAndAddressCases } from "./corpus-abbreviations.js";
import { boundaryCases, continuationCases, quotationCases } from "./corpus-boundaries.js";
import type { CorpusCase } from "./corpus-case.js";
import { cjkCases } from "./corpus-cjk.js";
import { eagerCases } from "./corpus-eager.js";
import { enumerationCases, enumerationMergeCases, maxLengthCases, minLengthCases } from "./corpus-lengths.js";
import { codeAndRuleCases, hardBreakCases, markdownCases, thinkCases } from "./corpus-markup.js";
import { replyCases } from "./corpus-replies.js";

/** Every corpus case, written from the segmentation rules in the core README. */
export const corpus: readonly CorpusCase[] = [
  ...boundaryCases,
  ...continuationCases,
  ...quotationCases,
  ...abbreviationCases,
  ...numberAndAddressCases,
  ...cjkCases,
  ...thinkCases,
  ...codeAndRuleCases,
  ...markdownCases,
  ...hardBreakCases,
  ...maxLengthCases,
  ...minLengthCases,
  ...enumerationCases,
  ...enumerationMergeCases,
  ...eagerCases,
  ...replyCases,
];

export type { CorpusCase } from "./corpus-case.js";
