import { describe, expect, it } from "vitest";
import { ContentSplitter } from "./content-splitter.js";

describe("ContentSplitter", () => {
  it("splits a leading think block by default", () => {
    const splitter = new ContentSplitter(true);
    expect([...splitter.push("<think>a</th"), ...splitter.push("ink>b"), ...splitter.end()]).toEqual([
      { type: "reasoning-delta", text: "a" },
      { type: "text-delta", text: "b" },
    ]);
  });

  it("passes content through as text when off, tags and all", () => {
    const splitter = new ContentSplitter(false);
    expect([...splitter.push("<think>a"), ...splitter.push(""), ...splitter.end()]).toEqual([{ type: "text-delta", text: "<think>a" }]);
  });

  it("starts inside a block with \"starts-inside\"", () => {
    const splitter = new ContentSplitter("starts-inside");
    expect([...splitter.push("a</think>b"), ...splitter.end()]).toEqual([
      { type: "reasoning-delta", text: "a" },
      { type: "text-delta", text: "b" },
    ]);
  });

  it("does not start inside a block once the server sent reasoning in its own field", () => {
    const splitter = new ContentSplitter("starts-inside");
    splitter.reasoningField();
    expect([...splitter.push("The answer."), ...splitter.end()]).toEqual([{ type: "text-delta", text: "The answer." }]);
  });
});
