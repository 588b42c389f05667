import { table } from "./corpus-case.js";

const EAGER = { eagerFirstSegment: true };

/** Eager first segment: the first segment may end at the first clause boundary once it holds `firstMinLength`. */
export const eagerCases = table(
  "eager",
  [
    [
      "Hello there, this is the first sentence. Then more text follows here.",
      ["Hello there,", "this is the first sentence.", "Then more text follows here."],
    ],
    ["Hi, this is a test of eager mode, okay.", ["Hi, this is a test of eager mode,", "okay."]],
    ["Sure. Let me explain, it is simple.", ["Sure. Let me explain,", "it is simple."]],
    ["Okay, so here is the plan for today.", ["Okay,", "so here is the plan for today."], { eagerFirstSegment: true, firstMinLength: 5 }],
    ["Well — I think we should go now, really.", ["Well — I think we should go now,", "really."]],
    ["Absolutely — let us begin right away.", ["Absolutely —", "let us begin right away."]],
    ["First part, of the first. Second part, of the second sentence here.", ["First part,", "of the first. Second part, of the second sentence here."]],
    ["Yes, sure. And then more things happen here.", ["Yes, sure.", "And then more things happen here."]],
    ["Great question; let me think about it.", ["Great question;", "let me think about it."]],
    ["The answer: forty-two, as always.", ["The answer:", "forty-two, as always."]],
    ["好的，我们现在开始今天的课程吧。然后休息。", ["好的，", "我们现在开始今天的课程吧。然后休息。"], { eagerFirstSegment: true, firstMinLength: 3 }],
    ["No commas in this one at all here.", ["No commas in this one at all here."]],
    ["Title\nThen, a body, with commas.", ["Title", "Then, a body, with commas."]],
    ["<think>hmm, ok</think>Right, here we go again.", ["Right, here we go again."]],
    ["<think>hmm, ok</think>Right then, here we go again.", ["Right then,", "here we go again."]],
    ["Numbers 1,000,000 and 2,000 count, not inner commas.", ["Numbers 1,000,000 and 2,000 count,", "not inner commas."]],
    ["A short, one.", ["A short, one."]],
    ["Eager off, by default here.", ["Eager off, by default here."], {}],
  ],
  EAGER,
);
