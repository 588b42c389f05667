import { describe, expect, it } from "vitest";
import { completionText, samplingFor } from "./request-input.js";

describe("completionText", () => {
  it("is the prompt, or the non-system messages joined by blank lines", () => {
    expect(completionText({ prompt: "Once upon a time" })).toBe("Once upon a time");
    expect(completionText({ messages: [{ role: "system", content: "Tell stories." }, { role: "user", content: "Once upon a time" }] })).toBe("Once upon a time");
    expect(completionText({ messages: [{ role: "user", content: "Once upon a time" }, { role: "assistant", content: "there was a cat." }, { role: "user", content: "The cat" }] }))
      .toBe("Once upon a time\n\nthere was a cat.\n\nThe cat");
    expect(completionText({ messages: [{ role: "system", content: "only instructions" }] })).toBe("");
    expect(completionText({})).toBe("");
  });
});

describe("samplingFor", () => {
  it("takes the request's values over the options'", () => {
    const defaults = { temperature: 0.7, topP: 0.9, topK: 40, maxTokens: 512, seed: undefined };
    expect(samplingFor({ temperature: 0, maxTokens: 5 }, defaults)).toEqual({ temperature: 0, topP: 0.9, topK: 40, maxTokens: 5, seed: undefined });
    expect(samplingFor({ seed: 7 }, { ...defaults, seed: 1 }).seed).toBe(7);
  });
});
