import { describe, expect, it } from "vitest";
import { ThinkTagSplitter, type SortedText } from "./think-tag-splitter.js";

function run(chunks: string[]): SortedText[] {
  const splitter = new ThinkTagSplitter();
  const out = chunks.flatMap((chunk) => splitter.push(chunk)).concat(splitter.flush());
  // Merge neighbours of the same kind so assertions do not depend on chunking.
  const merged: SortedText[] = [];
  for (const part of out) {
    const last = merged.at(-1);
    if (last?.type === part.type) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

describe("ThinkTagSplitter", () => {
  it("passes plain text through untouched", () => {
    expect(run(["Once upon", " a time."])).toEqual([{ type: "text-delta", text: "Once upon a time." }]);
  });

  it("sorts a think block into reasoning and drops the tags", () => {
    expect(run(["<think>\nThe user wants a story.\n</think>\n\nOnce upon a time."])).toEqual([
      { type: "reasoning-delta", text: "\nThe user wants a story.\n" },
      { type: "text-delta", text: "\n\nOnce upon a time." },
    ]);
  });

  it("finds tags split across chunks at every position", () => {
    const text = "A<think>plan</think>B";
    for (let cut = 1; cut < text.length; cut++) {
      for (let cut2 = cut + 1; cut2 < text.length; cut2++) {
        expect(run([text.slice(0, cut), text.slice(cut, cut2), text.slice(cut2)])).toEqual([
          { type: "text-delta", text: "A" },
          { type: "reasoning-delta", text: "plan" },
          { type: "text-delta", text: "B" },
        ]);
      }
    }
  });

  it("streams reasoning as it comes instead of holding it to the end", () => {
    const splitter = new ThinkTagSplitter();
    expect(splitter.push("<think>step one")).toEqual([{ type: "reasoning-delta", text: "step one" }]);
    expect(splitter.push(" and two</th")).toEqual([{ type: "reasoning-delta", text: " and two" }]);
    expect(splitter.push("ink>Hi")).toEqual([{ type: "text-delta", text: "Hi" }]);
  });

  it("holds back only what could start a tag, and releases it when it does not", () => {
    const splitter = new ThinkTagSplitter();
    expect(splitter.push("a <th")).toEqual([{ type: "text-delta", text: "a " }]);
    expect(splitter.push("ere")).toEqual([{ type: "text-delta", text: "<there" }]);
    expect(splitter.push("x <")).toEqual([{ type: "text-delta", text: "x " }]);
    expect(splitter.flush()).toEqual([{ type: "text-delta", text: "<" }]);
  });

  it("keeps an unclosed think block as reasoning to the end", () => {
    expect(run(["<think>never closed"])).toEqual([{ type: "reasoning-delta", text: "never closed" }]);
  });
});
