import { describe, expect, it } from "vitest";
import { groupSentences, splitClauses } from "./split-clauses.js";

const terms = (text: string) => splitClauses(text).map((c) => [c.text, c.terminator, c.endsSentence]);

describe("splitClauses", () => {
  it("splits at . ! ? (sentence ends) and , : ; (clause ends)", () => {
    expect(terms("This: is, a test; really! Yes? No.")).toEqual([
      ["This:", ":", false],
      ["is,", ",", false],
      ["a test;", ";", false],
      ["really!", "!", true],
      ["Yes?", "?", true],
      ["No.", ".", true],
    ]);
  });

  it("keeps decimals, times and text without a final mark whole", () => {
    expect(terms("It costs 3.50 at 10:30 today")).toEqual([["It costs 3.50 at 10:30 today", "", true]]);
  });

  it("counts ?! once, takes closing quotes along, treats an ellipsis as a pause", () => {
    expect(terms('What?! "Fine." Well... maybe…')).toEqual([
      ["What?!", "?", true],
      ['"Fine."', ".", true],
      ["Well...", ",", false],
      ["maybe…", ".", true],
    ]);
  });

  it("handles full-width marks without spaces", () => {
    expect(terms("你好。再见！")).toEqual([["你好。", ".", true], ["再见！", "!", true]]);
  });

  it("returns nothing for blank text and groups clauses into sentences", () => {
    expect(splitClauses("  \n ")).toEqual([]);
    expect(groupSentences(splitClauses("One, two. Three")).map((s) => s.map((c) => c.text))).toEqual([["One,", "two."], ["Three"]]);
  });
});
