import { describe, expect, it } from "vitest";
import { clientMessageSchema, sharedClientMessageSchema } from "./protocol.js";

describe("client message schema", () => {
  it("sharedClientMessageSchema validates exactly like clientMessageSchema", () => {
    const shared = sharedClientMessageSchema(10);
    const fresh = clientMessageSchema(10);
    const samples: unknown[] = [
      { type: "run", prompt: "hello" },
      { type: "run", prompt: "hello", mode: "whole" },
      { type: "run", prompt: "x".repeat(11) },
      { type: "run", prompt: "  " },
      { type: "run", prompt: "hi", extra: 1 },
      { type: "stop" },
      { type: "dance" },
      [1, 2],
    ];
    for (const sample of samples) expect(shared.safeParse(sample).success).toBe(fresh.safeParse(sample).success);
    expect(shared.safeParse({ type: "run", prompt: " hi " }).data).toEqual({ type: "run", prompt: "hi" });
  });
});
