import type { NormalizeRule } from "../normalize-rule.js";
import { cardinal, ordinal, year } from "./number-words.js";
import { dotEndsSentence } from "./read-number.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTH_BY_PREFIX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Month names and their abbreviations, with an optional dot after an abbreviation. */
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(\.)?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;

function monthOf(name: string): number {
  const full = MONTHS.findIndex((m) => m === name);
  if (full >= 0) return full + 1;
  return MONTH_BY_PREFIX[name.toLowerCase()] ?? 0;
}

const validDay = (day: number): boolean => day >= 1 && day <= 31;

/** January 5, Jan. 5th, Dec 25, 2023, March 2024 → "January fifth", "December twenty fifth, twenty twenty three". */
export const monthDayRule: NormalizeRule = {
  category: "dates",
  startsWith: /[JFMASOND]/,
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])${MONTH}\s{1,2}(?:${DAY}(?![\d:])(?:(,?)\s{1,2}${YEAR}(?![\d:]))?|${YEAR}(?![\d:]))(?![\p{L}\p{N}])`, "uy"),
  speak: (match) => {
    const month = MONTHS[monthOf(match[1]!) - 1]!;
    if (match[6] !== undefined) return `${month} ${year(Number(match[6]))}`;
    const day = Number(match[3]);
    if (!validDay(day)) return undefined;
    // "May 5" is a date; "may 5" (the verb) never reaches here: month names are capitalized.
    const spokenYear = match[5] !== undefined ? `${match[4] ? "," : ""} ${year(Number(match[5]))}` : "";
    return `${month} ${ordinal(day)}${spokenYear}`;
  },
};

/** A month abbreviation standing alone ("in Jan. and Feb.") → the month's name. */
export const monthAbbreviationRule: NormalizeRule = {
  category: "dates",
  startsWith: /[JFMASOND]/,
  pattern: /(?<![\p{L}\p{N}])(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.(?=\s|$)/uy,
  speak: (match, { text, index }) => `${MONTHS[monthOf(match[1]!) - 1]}${dotEndsSentence(text, index + match[0].length) ? "." : ""}`,
};

/** 4 July 1976, 25th December → "the fourth of July, nineteen seventy six". */
export const dayMonthRule: NormalizeRule = {
  category: "dates",
  startsWith: /[0-9]/,
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}.,])${DAY}\s{1,2}(?:of\s)?${MONTH}(?:,?\s{1,2}${YEAR}(?![\d:]))?(?![\p{L}\p{N}])`, "uy"),
  speak: (match) => {
    const day = Number(match[1]);
    if (!validDay(day)) return undefined;
    const month = MONTHS[monthOf(match[2]!) - 1]!;
    const spokenYear = match[4] !== undefined ? `, ${year(Number(match[4]))}` : "";
    return `the ${ordinal(day)} of ${month}${spokenYear}`;
  },
};

/** ISO dates: 2024-03-15 → "March fifteenth, twenty twenty four" (and 2024-03 → "March twenty twenty four"). */
export const isoDateRule: NormalizeRule = {
  category: "dates",
  startsWith: /[0-9]/,
  pattern: /(?<![\p{L}\p{N}.,-])(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}]|-\d)/uy,
  speak: (match) => {
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month < 1 || month > 12 || !validDay(day)) return undefined;
    return `${MONTHS[month - 1]} ${ordinal(day)}, ${year(Number(match[1]))}`;
  },
};

/** Numeric dates with a four-digit year, month first as in the US: 12/25/2023, 7/4/1976 (also with dots or dashes when the day is over 12). */
export const numericDateRule: NormalizeRule = {
  category: "dates",
  startsWith: /[0-9]/,
  pattern: /(?<![\p{L}\p{N}.,/])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\p{L}\p{N}]|[/.-]\d)/uy,
  speak: (match) => {
    let month = Number(match[1]);
    let day = Number(match[3]);
    if (month > 12 && day <= 12) [month, day] = [day, month];
    if (month < 1 || month > 12 || !validDay(day)) return undefined;
    return `${MONTHS[month - 1]} ${ordinal(day)}, ${year(Number(match[4]))}`;
  },
};

const MERIDIEM = String.raw`([aApP])\.?\s?[mM]\.?`;

function clock(hours: number, minutes: number): string {
  if (minutes === 0) return cardinal(hours);
  if (minutes < 10) return `${cardinal(hours)} oh ${cardinal(minutes)}`;
  return `${cardinal(hours)} ${cardinal(minutes)}`;
}

/** 10:30, 9:05 am, 14:45, 12:00 p.m., 10:30:15 → "ten thirty", "nine oh five a m". */
export const clockTimeRule: NormalizeRule = {
  category: "times",
  startsWith: /[0-9]/,
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}.,:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s?${MERIDIEM}(?![\p{L}]))?(?![\p{N}]|:\d)(\s?[-–—]\s?(?=\d{1,2}:\d{2}))?`, "uy"),
  speak: (match, { text, index }) => {
    const hours = Number(match[1]);
    const minutes = Number(match[2]);
    const seconds = match[3] !== undefined ? Number(match[3]) : undefined;
    const meridiem = match[4]?.toLowerCase();
    if (hours > 24 || minutes > 59 || (seconds !== undefined && seconds > 59) || (meridiem !== undefined && (hours > 12 || hours === 0))) return undefined;
    let spoken = meridiem === undefined && minutes === 0 && seconds === undefined ? (hours <= 12 ? `${cardinal(hours)} o'clock` : `${cardinal(hours)} hundred`) : clock(hours, minutes);
    if (seconds !== undefined && seconds > 0) spoken += ` and ${cardinal(seconds)} ${seconds === 1 ? "second" : "seconds"}`;
    if (meridiem !== undefined) spoken += ` ${meridiem} m`;
    // "10:30-11:30": the dash of a range of times is read "to".
    if (match[5] !== undefined) return `${spoken} to`;
    return dotEndsSentence(text, index + match[0].length) ? `${spoken}.` : spoken;
  },
};

/** 3 p.m., 9am, 11 PM → "three p m". The dot that may close the sentence is kept ("at 3 p.m." + end). */
export const hourMeridiemRule: NormalizeRule = {
  category: "times",
  startsWith: /[0-9]/,
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}.,:])(\d{1,2})\s?${MERIDIEM}(?![\p{L}\p{N}])`, "uy"),
  speak: (match, { text, index }) => {
    const hours = Number(match[1]);
    if (hours < 1 || hours > 12) return undefined;
    const spoken = `${cardinal(hours)} ${match[2]!.toLowerCase()} m`;
    return dotEndsSentence(text, index + match[0].length) ? `${spoken}.` : spoken;
  },
};
