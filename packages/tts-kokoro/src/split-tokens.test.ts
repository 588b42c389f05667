import { describe, expect, it } from "vitest";
import { splitTokens } from "./split-tokens.js";

const length = (run: string): number => Array.from(run).length;
const words = (runs: string[]): string => runs.join(" ").replace(/\s+/g, " ");

describe("splitTokens", () => {
  it("keeps a run that fits whole", () => {
    expect(splitTokens("həlˈoʊ, wˈɜːld!", 510)).toEqual(["həlˈoʊ, wˈɜːld!"]);
  });

  it("prefers sentence marks, then clause marks, then word spaces", () => {
    expect(splitTokens("aaa bbb. ccc, ddd", 12)).toEqual(["aaa bbb.", "ccc, ddd"]);
    expect(splitTokens("aaa, bbb ccc; ddd", 9)).toEqual(["aaa,", "bbb ccc;", "ddd"]);
    expect(splitTokens("aaa bbb ccc ddd", 8)).toEqual(["aaa bbb", "ccc ddd"]);
  });

  it("cuts a word longer than the limit only as a last resort, and never drops a symbol", () => {
    expect(splitTokens("ab abcdefghij c", 4)).toEqual(["ab", "abcd", "efgh", "ij c"]);
  });

  it("never truncates: every symbol of a long text is in some run, each run within the limit", () => {
    const clause = "ðə kwˈɪk bɹˈaʊn fˈɑːks dʒˈʌmps ˌoʊvɚ ðə lˈeɪzi dˈɑːɡ";
    const text = Array.from({ length: 40 }, (_, i) => `${clause}${i % 3 === 2 ? "." : ","}`).join(" ");
    const runs = splitTokens(text, 510);
    expect(runs.length).toBeGreaterThan(3);
    for (const run of runs) expect(length(run)).toBeLessThanOrEqual(510);
    expect(words(runs)).toBe(text);
    // cut at clause marks, not inside a clause
    for (const run of runs) expect(run).toMatch(/[.,]$/);
  });
});
