import type { NormalizeRule } from "../normalize-rule.js";
import { cardinal, digits, year } from "./number-words.js";
import { readNumber } from "./read-number.js";

const OPERATORS: Record<string, string> = {
  "+": "plus", "-": "minus", "−": "minus", "–": "minus", "*": "times", "×": "times", "x": "times", "·": "times", "/": "divided by", "÷": "divided by",
  "=": "equals", "≠": "is not equal to", "<": "is less than", ">": "is greater than", "≤": "is less than or equal to", "≥": "is greater than or equal to",
  "≈": "is approximately", "^": "to the power of",
};
const OPERAND = String.raw`[-−]?\d{1,15}(?:\.\d{1,12})?`;
const OPERATOR = String.raw`\s{0,2}[-+−–*×·/÷^=≠<>≤≥≈]\s{0,2}`;

/**
 * Simple arithmetic with an equals or comparison sign: 2+2=4, 10 - 3 = 7, 3 × 4 = 12, 2^10 = 1024, 5 > 3.
 * Needs `=`-like signs, or spaces around `+ × ÷ < >`, so that ranges (5-10) and fractions (3/4) are not math.
 */
export const mathRule: NormalizeRule = {
  category: "math",
  startsWith: /[0-9\-−]/,
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}.,])${OPERAND}(?:${OPERATOR}${OPERAND}){1,8}(?![\p{L}\p{N}]|[.,]\d)`, "uy"),
  speak: (match) => {
    const expression = match[0];
    const spacedOperator = /\s[+×÷<>≤≥≠≈*]\s/.test(expression);
    if (!/[=≠<>≤≥≈]/.test(expression) && !spacedOperator && !/\d\+\d/.test(expression)) return undefined;
    const tokens = expression.match(new RegExp(String.raw`${OPERAND}|[-+−–*×·/÷^=≠<>≤≥≈]`, "gu")) ?? [];
    // A leading minus of an operand after another operand is the operator ("10 -3 = 7" is rare; "10-3=7" is not).
    const words: string[] = [];
    let expectOperand = true;
    for (const token of tokens) {
      if (expectOperand) {
        words.push(readNumber(token));
        expectOperand = false;
      } else if (/^[-−]\d/.test(token)) {
        words.push("minus", readNumber(token.slice(1)));
      } else {
        words.push(OPERATORS[token] ?? token);
        expectOperand = true;
      }
    }
    return words.join(" ");
  },
};

/**
 * Ranges and scores: 5-10, 1990–1995, 10-20%, pages 3–7, won 3-2 → "five to ten", "nineteen ninety to
 * nineteen ninety five". Only the first number and the dash are read here ("five to"); the second
 * number is read by its own rule, so "5-10 kg" becomes "five to ten kilograms".
 */
export const rangeRule: NormalizeRule = {
  category: "ranges",
  startsWith: /[0-9]/,
  pattern: /(?<![\p{L}\p{N}.,\-–/])(\d{1,3}(?:,\d{3}){1,4}|\d{1,15})(?:\.(\d{1,12}))?\s?[-–—]\s?(?=[$€£¥]?\d)(?!\d{1,4}[-–]\d)/uy,
  speak: (match, { text, index }) => {
    const end = index + match[0].length;
    const right = /^[$€£¥]?(\d{1,15})/.exec(text.slice(end, end + 17))?.[1] ?? "";
    const left = match[1]!;
    if (match[2] === undefined && /^[12]\d{3}$/.test(left) && /^[12]\d{3}$/.test(right)) return `${year(Number(left))} to`;
    return `${readNumber(match[2] === undefined ? left : `${left}.${match[2]}`)} to`;
  },
};

/** Phone numbers: (555) 123-4567, 555-123-4567, 555-1234, +1 555 123 4567 → digits in groups. */
export const phoneRule: NormalizeRule = {
  category: "phone-numbers",
  startsWith: /[0-9(+]/,
  pattern: /(?<![\p{L}\p{N}.,\-])(?:(\+\d{1,3})[\s.-]?)?(?:\((\d{3})\)\s?|(\d{3})[\s.-])(\d{3})[\s.-](\d{4})(?![\p{N}]|[-.]\d)|(?<![\p{L}\p{N}.,\-])(\d{3})-(\d{4})(?![\p{N}]|-\d)/uy,
  speak: (match, { text, index }) => {
    if (match[6] !== undefined && !/(?:call|phone|tel|dial|number|fax|text|contact|reach|at)\W{0,4}(?:\S{1,12}\s){0,3}$/i.test(text.slice(Math.max(0, index - 40), index))) return undefined;
    const groups = match.slice(1).filter((g): g is string => g !== undefined);
    return groups.map((group) => (group.startsWith("+") ? `plus ${digits(group)}` : digits(group))).join(", ");
  },
};

/** #1 → "number one", 24/7 → "twenty four seven", & → "and", @ → "at", ~5 → "about five", ± → "plus or minus". */
export const numberSignRule: NormalizeRule = {
  category: "symbols",
  startsWith: /[#＃]/,
  pattern: /(?<![\p{L}\p{N}&#])[#＃](\d{1,15})(?![\p{L}\p{N}])/uy,
  speak: (match) => `number ${readNumber(match[1]!)}`,
};

export const twentyFourSevenRule: NormalizeRule = {
  category: "symbols",
  startsWith: /2/,
  pattern: /(?<![\p{L}\p{N}])24\/7(?![\p{L}\p{N}/])/uy,
  speak: () => "twenty four seven",
};

const SYMBOLS: Record<string, string> = {
  "&": "and", "@": "at", "±": "plus or minus", "~": "about", "≈": "about", "→": "to", "←": "from", "×": "times", "÷": "divided by",
  "=": "equals", "+": "plus", "§": "section", "¶": "paragraph", "©": "copyright", "®": "registered", "™": "trademark", "°": "degrees", "‰": "per mille",
  "√": "square root of", "∞": "infinity", "π": "pi", "≠": "is not equal to", "≤": "at most", "≥": "at least", "%": "percent",
};

/** Symbols standing for words. A sign inside a word ("AT&T") is read too; runs of symbols (like "==>") are left alone. */
export const symbolRule: NormalizeRule = {
  category: "symbols",
  startsWith: new RegExp(`[${Object.keys(SYMBOLS).join("").replace(/[-\]\\^]/g, "\\$&")}]`),
  pattern: new RegExp(`(?<![${Object.keys(SYMBOLS).join("").replace(/[-\]\\^]/g, "\\$&")}<>*/|])[${Object.keys(SYMBOLS).join("").replace(/[-\]\\^]/g, "\\$&")}](?![${Object.keys(SYMBOLS).join("").replace(/[-\]\\^]/g, "\\$&")}<>*/|])`, "uy"),
  speak: (match, { text, index, enabled }) => {
    const symbol = match[0];
    if ((symbol === "%" || symbol === "‰") && !enabled("percentages")) return undefined;
    // "~5" and "≈5" are "about five"; a "+" or "=" between words is probably code or a name ("C++", "a=b"): left alone.
    if ((symbol === "+" || symbol === "=") && !/[\s\d]/.test(text[index - 1] ?? " ")) return undefined;
    return SYMBOLS[symbol];
  },
};

export { cardinal };
