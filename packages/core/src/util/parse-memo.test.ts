import { describe, expect, it } from "vitest";
import { memoizeByJson } from "./parse-memo.js";

describe("memoizeByJson", () => {
  it("computes once per distinct input and returns the same result", () => {
    let calls = 0;
    const double = memoizeByJson((input: { n: number }) => ({ value: input.n * 2, call: ++calls }));
    expect(double({ n: 2 })).toBe(double({ n: 2 }));
    expect(double({ n: 3 }).value).toBe(6);
    expect(calls).toBe(2);
  });

  it("never looks up input that is not plain data: a function, NaN, Infinity, a class instance", () => {
    const seen: unknown[] = [];
    const check = memoizeByJson((input: Record<string, unknown>) => {
      seen.push(input.n);
      if (typeof input.n !== "number" && input.n !== undefined) throw new Error(`not a number: ${typeof input.n}`);
      return { ok: true };
    });
    check({});
    expect(() => check({ n: () => 1 })).toThrow(/function/);
    check({ n: Number.NaN });
    check({ n: Number.POSITIVE_INFINITY });
    check({ n: Number.NaN });
    expect(() => check({ n: new Date(0) })).toThrow(/object/);
    expect(() => check({ n: new Date(0) })).toThrow(/object/);
    expect(seen).toHaveLength(7);
  });

  it("tells apart what JSON would blur: an absent key, undefined, null, a string and a number", () => {
    let calls = 0;
    const id = memoizeByJson((input: Record<string, unknown>) => ({ input, call: ++calls }));
    for (const input of [{}, { n: undefined }, { n: null }, { n: "1" }, { n: 1 }, { n: [1] }, { n: { m: 1 } }]) id(input);
    expect(calls).toBe(7);
    id({ n: { m: 1 } });
    expect(calls).toBe(7);
  });

  it("does not remember a failure, and forgets the oldest input beyond its capacity", () => {
    let calls = 0;
    const strict = memoizeByJson((n: number) => {
      calls++;
      if (n < 0) throw new Error("negative");
      return { n };
    }, 2);
    expect(() => strict(-1)).toThrow();
    expect(() => strict(-1)).toThrow();
    strict(1);
    strict(2);
    strict(3); // evicts 1
    strict(1);
    expect(calls).toBe(6);
  });
});
