import { describe, expect, it } from "vitest";
import { randomChunks, seededRandom, segmentPieces, segmentWhole } from "../segmenter/__fixtures__/run-segmenter.js";
import { ThinkTagSplitter, type ThinkSplitPart, type ThinkTagSplitterOptions } from "./think-tag-splitter.js";

/** Runs a fresh splitter over `pieces`, merging neighbouring parts of one type (how they are chunked is not the output). */
function split(pieces: readonly string[], options?: ThinkTagSplitterOptions): ThinkSplitPart[] {
  const splitter = new ThinkTagSplitter(options);
  const merged: ThinkSplitPart[] = [];
  for (const part of [...pieces.flatMap((piece) => splitter.push(piece)), ...splitter.end()]) {
    expect(part.text, "no empty parts").not.toBe("");
    const last = merged.at(-1);
    if (last?.type === part.type) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/** Every way to cut `text` into pieces (2^(n-1) of them): only for short inputs. */
function everyChunking(text: string): string[][] {
  if (text.length <= 1) return [[text]];
  const chunkings: string[][] = [];
  for (let mask = 0; mask < 2 ** (text.length - 1); mask++) {
    const pieces: string[] = [];
    let start = 0;
    for (let i = 1; i < text.length; i++) {
      if (mask & (2 ** (i - 1))) {
        pieces.push(text.slice(start, i));
        start = i;
      }
    }
    pieces.push(text.slice(start));
    chunkings.push(pieces);
  }
  return chunkings;
}

/** Every cut into two and three pieces, one character at a time, and random 1–6 unit pieces. */
function manyChunkings(text: string): string[][] {
  const chunkings: string[][] = [text.split(""), [...text]];
  for (let i = 0; i <= text.length; i++) {
    for (let j = i; j <= text.length; j++) chunkings.push([text.slice(0, i), text.slice(i, j), text.slice(j)]);
  }
  const random = seededRandom(0x7ee + text.length);
  for (let run = 0; run < 50; run++) chunkings.push(randomChunks(text, random));
  return chunkings;
}

const reasoning = (text: string): ThinkSplitPart => ({ type: "reasoning-delta", text });
const answer = (text: string): ThinkSplitPart => ({ type: "text-delta", text });

/** [input, expected parts] with the default rule: a block only when the reply opens with `<think>`. */
const cases: [string, ThinkSplitPart[]][] = [
  ["<think>plan</think>Answer.", [reasoning("plan"), answer("Answer.")]],
  ["\n <think>\nplan\n</think>\n\nAnswer.", [reasoning("plan\n"), answer("Answer.")]],
  ["<think>\n\n</think>\n\nHi there.", [answer("Hi there.")]],
  ["<think></think>", []],
  ["<b>bold</b> text", [answer("<b>bold</b> text")]],
  ["<thinking>x</thinking>", [answer("<thinking>x</thinking>")]],
  ["<THINK>x</THINK>y", [answer("<THINK>x</THINK>y")]],
  ["< think>x", [answer("< think>x")]],
  ["Answer <think>not a block</think> end", [answer("Answer <think>not a block</think> end")]],
  ["<think>a</think>b<think>c</think>d", [reasoning("a"), answer("b<think>c</think>d")]],
  ["<think>a </thinker> b</think>c", [reasoning("a </thinker> b"), answer("c")]],
  ["<think>a<</think>b", [reasoning("a<"), answer("b")]],
  ["<think>x <<</th</think> y", [reasoning("x <<</th"), answer("y")]],
  ["<think>unclosed reasoning </thi", [reasoning("unclosed reasoning </thi")]],
  ["<think>", []],
  ["<thi", [answer("<thi")]],
  ["  ", [answer("  ")]],
  ["  x", [answer("  x")]],
  ["", []],
  ["</think>stray close", [answer("</think>stray close")]],
  ["<think>🤔 hmm</think>😀 yes", [reasoning("🤔 hmm"), answer("😀 yes")]],
];

/** The same with `startsInside`: the template opened the block in the prompt. */
const insideCases: [string, ThinkSplitPart[]][] = [
  ["plan</think>Answer.", [reasoning("plan"), answer("Answer.")]],
  ["\nplan\n</think>\n\nAnswer.", [reasoning("plan\n"), answer("Answer.")]],
  ["<think>plan</think>Answer.", [reasoning("plan"), answer("Answer.")]],
  ["</think>Answer.", [answer("Answer.")]],
  ["<thx</think>A", [reasoning("<thx"), answer("A")]],
  ["<</think>A", [reasoning("<"), answer("A")]],
  ["never closed", [reasoning("never closed")]],
  ["<thi", [reasoning("<thi")]],
  [" </th", [reasoning("</th")]],
  ["plan</think>a <think>b</think>", [reasoning("plan"), answer("a <think>b</think>")]],
];

describe("ThinkTagSplitter", () => {
  it.each(cases)("%j: the same parts for every chunking", (input, expected) => {
    const chunkings = input.length <= 14 ? everyChunking(input) : manyChunkings(input);
    for (const pieces of chunkings) expect(split(pieces), JSON.stringify(pieces)).toEqual(expected);
  });

  it.each(insideCases)("startsInside, %j: the same parts for every chunking", (input, expected) => {
    const chunkings = input.length <= 14 ? everyChunking(input) : manyChunkings(input);
    for (const pieces of chunkings) expect(split(pieces, { startsInside: true }), JSON.stringify(pieces)).toEqual(expected);
  });

  it("passes text that is not a tag through at once, holding back only what could still be one", () => {
    const splitter = new ThinkTagSplitter();
    expect(splitter.push("<")).toEqual([]);
    expect(splitter.push("b")).toEqual([answer("<b")]);
    expect(splitter.push("> <think>")).toEqual([answer("> <think>")]);
    expect(splitter.end()).toEqual([]);

    const plain = new ThinkTagSplitter();
    expect(plain.push("Hello")).toEqual([answer("Hello")]);
    expect(plain.push("<thi")).toEqual([answer("<thi")]);

    const spaced = new ThinkTagSplitter();
    expect(spaced.push("\n\n")).toEqual([]);
    expect(spaced.push("<thi")).toEqual([]);
    expect(spaced.push("s")).toEqual([answer("\n\n<this")]);
  });

  it("streams reasoning as it comes, holding back only a possible `</think>`", () => {
    const splitter = new ThinkTagSplitter();
    expect(splitter.push("<thi")).toEqual([]);
    expect(splitter.push("nk>\nLet me")).toEqual([reasoning("Let me")]);
    expect(splitter.push(" see </th")).toEqual([reasoning(" see ")]);
    expect(splitter.push("ink>\n\n")).toEqual([]);
    expect(splitter.push("Yes.")).toEqual([answer("Yes.")]);
    expect(splitter.end()).toEqual([]);
  });

  it("gives reasoning and the answer from one piece in order", () => {
    expect(new ThinkTagSplitter().push("<think>a</think>b")).toEqual([reasoning("a"), answer("b")]);
  });

  it("agrees with the segmenter's think filter: what it would speak of the raw content is what it speaks of the text", () => {
    for (const [input] of cases) {
      const text = split([input]).map((part) => (part.type === "text-delta" ? part.text : "")).join("");
      expect(segmentWhole(text), input).toEqual(segmentWhole(input));
    }
    const reply = "<think>\nThe user wants a greeting.\n</think>\n\nHello there. How are you today?";
    expect(segmentWhole(reply).join(" ")).toBe("Hello there. How are you today?");
    const random = seededRandom(42);
    for (let run = 0; run < 20; run++) {
      const pieces = randomChunks(reply, random);
      const textPieces = new ThinkTagSplitter();
      const spoken = [...pieces.flatMap((piece) => textPieces.push(piece)), ...textPieces.end()].filter((part) => part.type === "text-delta").map((part) => part.text);
      expect(segmentPieces(spoken), JSON.stringify(pieces)).toEqual(segmentWhole(reply));
    }
  });
});
