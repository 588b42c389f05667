/** The kinds of written forms the normalizer turns into words; each can be switched off on its own. */
export const NORMALIZE_CATEGORIES = [
  "numbers",
  "ordinals",
  "fractions",
  "percentages",
  "currency",
  "years",
  "dates",
  "times",
  "ranges",
  "phone-numbers",
  "units",
  "roman-numerals",
  "abbreviations",
  "emails",
  "urls",
  "hashtags",
  "math",
  "symbols",
] as const;

/**
 * One category: `numbers` (cardinals, decimals, negatives), `ordinals` (1st, 21st), `fractions` (3/4, ½),
 * `percentages`, `currency` ($ € £ ¥, cents, K/M/B), `years` (1999, 1990s), `dates` (Jan. 5, 2024-03-15),
 * `times` (10:30, 3 p.m.), `ranges` (5-10, scores 3-2), `phone-numbers`, `units` (kg, km/h, °C),
 * `roman-numerals` (Louis XIV, chapter IV), `abbreviations` (Dr., St., e.g.), `emails`, `urls`,
 * `hashtags` (and @mentions), `math` (2+2=4), `symbols` (&, #1, 24/7).
 */
export type NormalizeCategory = (typeof NORMALIZE_CATEGORIES)[number];
