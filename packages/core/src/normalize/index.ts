// The text normalizer: written text → what the TTS should say.
export { NORMALIZE_CATEGORIES, type NormalizeCategory } from "./normalize-category.js";
export type { NormalizeRule, RuleContext } from "./normalize-rule.js";
export type { LanguageNormalizer } from "./language-normalizer.js";
export type { NormalizedText, RewrittenSpan } from "./normalized-text.js";
export type { NormalizeOptions } from "./normalize-options.js";
export type { LexiconEntry, PhonemeNotation } from "./lexicon.js";
export { NORMALIZE_LANGUAGES, languageNormalizer } from "./languages.js";
export { createNormalizer, type Normalizer } from "./create-normalizer.js";
export { normalizeConfigSchema, type NormalizeConfig } from "./normalize-config-schema.js";
export { WordAligner, type SpokenWordTiming, type WrittenWord } from "./word-alignment.js";
export { SegmentSpeech, type PipelineNormalizeOptions } from "./segment-speech.js";
