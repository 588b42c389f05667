import type { NormalizeRule } from "../normalize-rule.js";
import { isOne, readNumber } from "./read-number.js";
import { UNITS, UNITS_NEEDING_NO_SPACE } from "./units.js";

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const UNIT_ALTERNATION = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join("|");

/** 250 ml, 25°C, 5kg, 100 km/h, 1.5 GB, 6 ft, -4 °F, 1 lb → "two hundred fifty milliliters", "one pound". */
export const unitRule: NormalizeRule = {
  category: "units",
  startsWith: /[0-9.\-−]/,
  pattern: new RegExp(
    String.raw`(?<![\p{L}\p{N}.,])([-−]?(?:\d{1,3}(?:,\d{3}){1,4}|\d{1,15})(?:\.\d{1,12})?|\.\d{1,12})(\s?)(${UNIT_ALTERNATION})(?![\p{L}\p{N}²³/])`,
    "uy",
  ),
  speak: (match, { text, index }) => {
    const [, number, space, unit] = match as unknown as [string, string, string, string];
    if (space !== "" && UNITS_NEEDING_NO_SPACE.has(unit)) return undefined;
    if (/^[-−]/.test(number) && index > 0 && !/[\s([{]/.test(text[index - 1]!)) return undefined;
    const [one, many] = UNITS[unit]!;
    const spokenNumber = readNumber(number.startsWith(".") ? `0${number}` : number);
    return `${spokenNumber} ${isOne(number) ? one : many}`;
  },
};
