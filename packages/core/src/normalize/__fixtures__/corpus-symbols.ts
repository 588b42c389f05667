import type { CorpusGroup } from "./corpus-case.js";

export const math: CorpusGroup = {
  category: "math",
  cases: [
    ["2+2=4", "two plus two equals four"],
    ["2 + 2 = 4", "two plus two equals four"],
    ["10 - 3 = 7", "ten minus three equals seven"],
    ["10-3=7", "ten minus three equals seven"],
    ["3 × 4 = 12", "three times four equals twelve"],
    ["3 * 4 = 12", "three times four equals twelve"],
    ["12 / 4 = 3", "twelve divided by four equals three"],
    ["12 ÷ 4 = 3", "twelve divided by four equals three"],
    ["2^10 = 1024", "two to the power of ten equals one thousand twenty four"],
    ["5 > 3", "five is greater than three"],
    ["3 < 5", "three is less than five"],
    ["x ≥ 2", "x at least two"],
    ["1+1", "one plus one"],
    ["1.5 + 2.5 = 4", "one point five plus two point five equals four"],
    ["5 ≠ 6", "five is not equal to six"],
    ["So 2+2=4, right?", "So two plus two equals four, right?"],
    ["-3 + 5 = 2", "minus three plus five equals two"],
  ],
};

export const symbols: CorpusGroup = {
  category: "symbols",
  cases: [
    ["salt & pepper", "salt and pepper"],
    ["AT&T", "AT and T"],
    ["R&D", "R and D"],
    ["#1", "number one"],
    ["We're #1!", "We're number one!"],
    ["24/7", "twenty four seven"],
    ["open 24/7.", "open twenty four seven."],
    ["~5 minutes", "about five minutes"],
    ["≈ 10", "about ten"],
    ["±2", "plus or minus two"],
    ["A → B", "A to B"],
    ["© 2024", "copyright twenty twenty four"],
    ["Acme™", "Acme trademark"],
    ["§ 5", "section five"],
    ["π is about 3.14", "pi is about three point one four"],
    ["C++ rocks", "C++ rocks"],
    ["a=b", "a=b"],
    ["==> done", "==> done"],
    ["50 % off", "fifty percent off"],
  ],
};
