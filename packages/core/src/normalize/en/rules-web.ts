import type { NormalizeRule } from "../normalize-rule.js";
import { cardinalOfDigits, digits } from "./number-words.js";

const SEPARATORS: Record<string, string> = { ".": "dot", "/": "slash", "-": "dash", _: "underscore", "@": "at", ":": "colon", "?": "question mark", "=": "equals", "&": "and", "+": "plus", "#": "hash", "~": "tilde", "%": "percent" };

/** Words of an address: separators named, digit runs read as numbers, camelCase and letter runs kept. */
function readAddress(address: string): string {
  const words: string[] = [];
  for (const part of address.match(/[\p{L}]{1,64}|\d{1,16}|[^\p{L}\p{N}]/gu) ?? []) {
    if (/^\d/.test(part)) words.push(part.length > 2 ? digits(part) : cardinalOfDigits(part));
    else if (/^\p{L}/u.test(part)) words.push(part);
    else if (SEPARATORS[part]) words.push(SEPARATORS[part]);
  }
  return words.join(" ");
}

const TLDS = "com|org|net|io|dev|ai|app|edu|gov|co|uk|us|de|fr|jp|info|biz|me|tv|ly|sh|xyz|tech|cloud|site|online|store|blog|news|page";
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,62}[\p{L}\p{N}])?`;

/** john.doe@example.com → "john dot doe at example dot com". */
export const emailRule: NormalizeRule = {
  category: "emails",
  startsWith: /[\p{L}\p{N}]/u,
  requires: /@/,
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@${LABEL}(?:\.${LABEL}){1,6}(?![\p{L}\p{N}@])`, "uy"),
  speak: (match) => readAddress(match[0]),
};

/**
 * https://www.example.com/docs?page=2 → "example dot com slash docs question mark page equals two".
 * The scheme and "www." are not read; a trailing dot or comma stays punctuation.
 * Bare domains are read when they end in a common top-level domain (example.com, voxpipe.dev).
 */
export const urlRule: NormalizeRule = {
  category: "urls",
  startsWith: /[\p{L}\p{N}]/u,
  requires: /:\/\/|[\p{L}\p{N}]\.\p{L}{2}/u,
  pattern: new RegExp(
    String.raw`(?<![\p{L}\p{N}@./])(?:(?:[hH][tT][tT][pP][sS]?|[fF][tT][pP]):\/\/(?:[wW]{3}\.)?(${LABEL}(?:\.${LABEL}){0,8}(?::\d{1,5})?(?:[/?#][^\s<>"'()\[\]]{0,512}?)?)(?=[.,;:!?]{0,4}(?:[\s<>"'()\[\]]|$))|(?:[wW]{3}\.)?(${LABEL}(?:\.${LABEL}){0,4}\.(?:${TLDS}))(?![\p{L}\p{N}-])((?:\/[^\s<>"'()\[\]]{0,512}?)?)(?=[.,;:!?]{0,4}(?:[\s<>"'()\[\]]|$)))`,
    "uy",
  ),
  speak: (match) => {
    let address = match[1] ?? `${match[2]}${match[3] ?? ""}`;
    address = address.replace(/[.,;:!?]+$/, "").replace(/\/$/, "");
    return readAddress(address);
  },
};

/** Splits #MachineLearning into "machine learning"; all-caps and lowercase tags stay one word. */
function tagWords(tag: string): string {
  return tag
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2")
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_m, a?: string, b?: string, c?: string, d?: string) => (a ? `${a} ${b}` : `${c} ${d}`))
    .replace(/_/g, " ")
    .split(" ")
    .map((word) => (/^\d+$/.test(word) ? cardinalOfDigits(word) : /^\p{Lu}\p{Ll}/u.test(word) ? word.toLowerCase() : word))
    .join(" ");
}

/** #MachineLearning → "hashtag machine learning"; @voxpipe → "at voxpipe". (#1 is a symbol: "number one".) */
export const hashtagRule: NormalizeRule = {
  category: "hashtags",
  startsWith: /[#@＃]/,
  pattern: /(?<![\p{L}\p{N}&#@])([#＃@])((?=[\p{N}_]{0,63}\p{L})[\p{L}\p{N}_]{1,64})(?![\p{L}\p{N}_@])/uy,
  speak: (match) => `${match[1] === "@" ? "at" : "hashtag"} ${tagWords(match[2]!)}`,
};
