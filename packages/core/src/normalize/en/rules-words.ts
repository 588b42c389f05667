import type { NormalizeRule } from "../normalize-rule.js";
import { cardinal, ordinal } from "./number-words.js";
import { before, dotEndsSentence } from "./read-number.js";
import { romanValue } from "./roman-numerals.js";

/** Words after which a Roman numeral is a plain number: "chapter IV" → "chapter four". */
const NUMBERED = /(?:^|[^\p{L}])(?:chapter|chap\.|ch\.|part|pt\.|volume|vol\.|book|act|scene|section|sec\.|phase|episode|ep\.|season|war|level|stage|class|type|title|article|appendix|bowl|grade|tier|round|step|unit|psalm|canto|movement|no\.)\s{1,3}$/iu;
/** A capitalized word (a name) right before: "Louis XIV" → "Louis the fourteenth". */
const NAME_BEFORE = /(?:^|[^\p{L}])\p{Lu}\p{Ll}{1,20}\s{1,2}$/u;
/** Capitalized words that are not names, so "The IV drip" stays as written. */
const NOT_NAMES = /(?:^|[^\p{L}])(?:The|A|An|This|That|These|Those|My|Your|Our|Their|His|Her|Its|In|On|At|Of|For|With|And|Or|But|If|When|Then|So|Is|Was|Are|Get|Use|See|Add|Take|Give|Via|Per|From|To|By|As|Do|Did)\s{1,2}$/u;

/** Louis XIV, Henry VIII, Elizabeth II, chapter IV, Part II, World War II, Super Bowl LVII. */
export const romanNumeralRule: NormalizeRule = {
  category: "roman-numerals",
  startsWith: /[IVXLCDM]/,
  pattern: /(?<![\p{L}\p{N}])([IVXLCDM]{1,12})(?![\p{L}\p{N}]|['’]\p{L}|-\p{L})/uy,
  speak: (match, { text, index }) => {
    const numeral = match[1]!;
    const value = romanValue(numeral);
    if (value === undefined) return undefined;
    const previous = before(text, index, 32);
    if (NUMBERED.test(previous)) return cardinal(value);
    // After a name only numerals of I, V and X (up to 39), so "Washington DC" and "CD" stay letters; never "I" alone.
    if (numeral.length < 2 || !/^[IVX]+$/.test(numeral)) return undefined;
    if (NAME_BEFORE.test(previous) && !NOT_NAMES.test(previous)) return `the ${ordinal(value)}`;
    return undefined;
  },
};

interface Abbreviation {
  readonly say: string;
  /** `name`: said this way before a capitalized word only. `after-name`: after a capitalized word only. */
  readonly where?: "before-name" | "after-name" | "before-number";
  /** May end a sentence: a full stop is kept when it does. */
  readonly mayEnd?: boolean;
}

/** Abbreviations read as words; several spellings of the same one share an entry. Case as written. */
const ABBREVIATIONS: Record<string, readonly Abbreviation[]> = {
  "Dr.": [{ say: "doctor", where: "before-name" }, { say: "Drive", where: "after-name", mayEnd: true }],
  "St.": [{ say: "Saint", where: "before-name" }, { say: "Street", where: "after-name", mayEnd: true }],
  "Mr.": [{ say: "mister" }], "Mrs.": [{ say: "missus" }], "Ms.": [{ say: "miz" }], "Mx.": [{ say: "mix" }],
  "Prof.": [{ say: "professor" }], "Rev.": [{ say: "reverend" }], "Hon.": [{ say: "honorable" }],
  "Gen.": [{ say: "general", where: "before-name" }], "Col.": [{ say: "colonel", where: "before-name" }], "Capt.": [{ say: "captain" }],
  "Lt.": [{ say: "lieutenant" }], "Sgt.": [{ say: "sergeant" }], "Gov.": [{ say: "governor" }], "Sen.": [{ say: "senator", where: "before-name" }],
  "Rep.": [{ say: "representative", where: "before-name" }], "Pres.": [{ say: "president", where: "before-name" }],
  "Mt.": [{ say: "mount", where: "before-name" }], "Ft.": [{ say: "fort", where: "before-name" }],
  "Jr.": [{ say: "junior", mayEnd: true }], "Sr.": [{ say: "senior", mayEnd: true }],
  "Ave.": [{ say: "Avenue", mayEnd: true }], "Blvd.": [{ say: "Boulevard", mayEnd: true }], "Rd.": [{ say: "Road", mayEnd: true }],
  "Ln.": [{ say: "Lane", mayEnd: true }], "Hwy.": [{ say: "Highway", mayEnd: true }], "Sq.": [{ say: "Square", mayEnd: true }],
  "Inc.": [{ say: "incorporated", mayEnd: true }], "Ltd.": [{ say: "limited", mayEnd: true }], "Corp.": [{ say: "corporation", mayEnd: true }],
  "Co.": [{ say: "company", mayEnd: true }], "Bros.": [{ say: "brothers", mayEnd: true }], "Dept.": [{ say: "department", mayEnd: true }],
  "Univ.": [{ say: "university", mayEnd: true }], "Assn.": [{ say: "association", mayEnd: true }],
  "e.g.": [{ say: "for example" }], "E.g.": [{ say: "For example" }], "eg.": [{ say: "for example" }],
  "i.e.": [{ say: "that is" }], "I.e.": [{ say: "That is" }], "ie.": [{ say: "that is" }],
  "etc.": [{ say: "et cetera", mayEnd: true }], "et al.": [{ say: "and others", mayEnd: true }], "cf.": [{ say: "compare" }],
  "vs.": [{ say: "versus" }], "vs": [{ say: "versus" }], "v.": [{ say: "versus", where: "after-name" }],
  "approx.": [{ say: "approximately" }], "est.": [{ say: "established" }], "incl.": [{ say: "including" }], "excl.": [{ say: "excluding" }],
  "misc.": [{ say: "miscellaneous", mayEnd: true }], "dept.": [{ say: "department", mayEnd: true }], "govt.": [{ say: "government", mayEnd: true }],
  "aka": [{ say: "also known as" }], "a.k.a.": [{ say: "also known as" }], "w/": [{ say: "with" }], "w/o": [{ say: "without" }],
  "No.": [{ say: "number", where: "before-number" }], "no.": [{ say: "number", where: "before-number" }], "Nos.": [{ say: "numbers", where: "before-number" }],
  "Fig.": [{ say: "figure", where: "before-number" }], "fig.": [{ say: "figure", where: "before-number" }], "p.": [{ say: "page", where: "before-number" }],
  "pp.": [{ say: "pages", where: "before-number" }], "Vol.": [{ say: "volume" }], "vol.": [{ say: "volume" }], "Ch.": [{ say: "chapter" }], "ch.": [{ say: "chapter" }],
  "Jan.": [], // months are read by the date rules
  "ASAP": [{ say: "as soon as possible" }], "FYI": [{ say: "for your information" }], "TBD": [{ say: "to be determined" }],
  "U.S.": [{ say: "U S", mayEnd: true }], "U.K.": [{ say: "U K", mayEnd: true }], "U.N.": [{ say: "U N", mayEnd: true }], "E.U.": [{ say: "E U", mayEnd: true }],
  "D.C.": [{ say: "D C", mayEnd: true }], "L.A.": [{ say: "L A", mayEnd: true }], "N.Y.": [{ say: "N Y", mayEnd: true }], "Ph.D.": [{ say: "P H D", mayEnd: true }],
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const KEYS = Object.keys(ABBREVIATIONS)
  .filter((key) => ABBREVIATIONS[key]!.length > 0)
  .sort((a, b) => b.length - a.length);
const ALTERNATION = KEYS.map((key) => (/[\p{L}]$/u.test(key) ? `${escape(key)}(?![\\p{L}\\p{N}])` : escape(key))).join("|");
const FIRST_CHARS = [...new Set(KEYS.map((key) => key[0]!))].map(escape).join("");

const NAME_AFTER = /^\s{1,2}\p{Lu}/u;
/** A capitalized word before, itself after another word ("on Oak St."), so not just a sentence's first word. */
const NAME_BEFORE_MID_SENTENCE = /[\p{L}\p{N},;:]\s{1,2}\p{Lu}[\p{L}'’-]{0,30}\s{1,2}$/u;
const NAME_BEFORE_WORD = /(?:^|[^\p{L}])\p{Lu}[\p{L}'’-]{0,30}\s{1,2}$/u;

function chooseReading(readings: readonly Abbreviation[], nameAfter: boolean, nameBefore: boolean, nameBeforeMidSentence: boolean, numberAfter: boolean): Abbreviation | undefined {
  const beforeNumber = readings.find((r) => r.where === "before-number");
  if (beforeNumber) return numberAfter ? beforeNumber : undefined;
  const afterName = readings.find((r) => r.where === "after-name");
  const beforeName = readings.find((r) => r.where === "before-name");
  if (afterName && nameBeforeMidSentence) return afterName;
  if (beforeName && nameAfter) return beforeName;
  if (afterName && nameBefore) return afterName;
  return readings.find((r) => r.where === undefined);
}

/** Dr. Smith, Oak St., St. Louis, e.g., i.e., etc., Mr., Mrs., Inc., w/, No. 5. */
export const abbreviationRule: NormalizeRule = {
  category: "abbreviations",
  startsWith: new RegExp(`[${FIRST_CHARS}]`),
  pattern: new RegExp(`(?<![\\p{L}\\p{N}.])(?:${ALTERNATION})(?![\\p{L}\\p{N}])`, "uy"),
  speak: (match, { text, index }) => {
    const written = match[0];
    const end = index + written.length;
    const previous = before(text, index, 40);
    const reading = chooseReading(
      ABBREVIATIONS[written] ?? [],
      NAME_AFTER.test(text.slice(end, end + 3)),
      NAME_BEFORE_WORD.test(previous),
      NAME_BEFORE_MID_SENTENCE.test(previous),
      /^\s{0,2}[#(]?[\dIVXLC]/.test(text.slice(end, end + 4)),
    );
    if (!reading) return undefined;
    return reading.mayEnd && dotEndsSentence(text, end) ? `${reading.say}.` : reading.say;
  },
};
