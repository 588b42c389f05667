/**
 * How a word followed by a single `.` behaves at a possible sentence end:
 * - `continues`: the sentence always goes on (titles before a name, `e.g.`, `vs.`);
 * - `reference`: goes on before a number (`p. 12`, `No. 5`, `Fig. 3`);
 * - `may-end`: ends the sentence only when a new sentence clearly starts after it
 *   (`etc.`, `a.m.`, `Inc.`, month names, dotted acronyms, a middle initial);
 * - `list-marker`: a bare number opening the sentence (`2. Whisk the eggs`);
 * - `none`: an ordinary word; the dot ends the sentence.
 */
export type AbbreviationKind = "continues" | "reference" | "may-end" | "list-marker" | "none";

/** Titles and other words that are always followed by a name (case as written). */
const TITLES = new Set([
  "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Rev", "Hon", "Gen", "Col", "Capt", "Cpt", "Lt", "Sgt", "Cpl",
  "Maj", "Adm", "Gov", "Sen", "Rep", "Pres", "Supt", "Insp", "Fr", "Mme", "Mlle", "Messrs", "Mmes", "Msgr",
  "Mt", "Ft", "Sra", "Srta", "Hr", "Hrn",
]);

/** Latin and other abbreviations the sentence always continues past (compared in lowercase). */
const CONTINUES = new Set(["e.g", "i.e", "cf", "viz", "vs", "v", "approx", "ca", "incl", "excl", "esp", "resp", "w.r.t", "a.k.a", "aka"]);

/** Page and item references, which continue before a number (compared in lowercase). */
const REFERENCES = new Set([
  "p", "pp", "no", "nos", "nr", "vol", "vols", "ch", "chap", "fig", "figs", "eq", "eqs", "sec", "sect",
  "art", "para", "pg", "pt", "op", "ref", "refs", "tab", "ex", "app", "appx", "ed", "eds", "l", "ll", "n", "nn", "ver",
]);

/** Abbreviations that may end a sentence, matched in any case. */
const MAY_END_ANY_CASE = new Set(["etc", "al", "a.m", "p.m", "jr", "sr", "esq", "inc", "ltd", "corp", "bros", "plc", "llc", "co"]);

/** Abbreviations that may end a sentence, matched only as written (so the verb "sat." stays a word). */
const MAY_END_AS_WRITTEN = new Set([
  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
  "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
  "St", "Ave", "Rd", "Blvd", "Dept", "Univ", "Assn", "Intl", "Govt", "Mfg", "Gmbh", "GmbH", "Pty", "Mts",
]);

const DOTTED = /^\p{L}{1,2}(?:\.\p{L}{1,2})+$/u;
const INITIAL = /^\p{Lu}$/u;
const LIST_NUMBER = /^\d{1,3}$/;
const LEADING_OPENERS = /^[("'“‘«¿¡[{„*_]+/u;

/**
 * Classifies the word just before a single `.`; `isFirst` tells whether the
 * word opens its sentence (a bare number there is a list marker).
 */
export function classifyAbbreviation(word: string, isFirst: boolean): AbbreviationKind {
  const token = word.replace(LEADING_OPENERS, "");
  if (token === "") return "none";
  if (isFirst && LIST_NUMBER.test(token)) return "list-marker";
  const lower = token.toLowerCase();
  if (TITLES.has(token) || CONTINUES.has(lower)) return "continues";
  if (REFERENCES.has(lower)) return "reference";
  if (MAY_END_ANY_CASE.has(lower) || MAY_END_AS_WRITTEN.has(token)) return "may-end";
  if (DOTTED.test(token) || INITIAL.test(token)) return "may-end";
  return "none";
}
