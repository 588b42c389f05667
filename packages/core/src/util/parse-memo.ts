/**
 * Remembers the last few results of a pure function of plain JSON-like input (option objects),
 * keyed by their JSON text. Checking options with zod costs tens of microseconds; every pipeline
 * run checks the same few option objects, and that time would sit on the first segment's path.
 * A throw is not remembered (bad input is rare and its error must name what was given).
 */
export function memoizeByJson<I, O>(compute: (input: I) => O, capacity = 32): (input: I) => O {
  const results = new Map<string, O>();
  return (input) => {
    let key: string;
    try {
      key = JSON.stringify(input, exactValue) ?? "undefined";
    } catch {
      return compute(input); // not JSON-like (a cycle, a BigInt): nothing to key on
    }
    const known = results.get(key);
    if (known !== undefined) return known;
    const result = compute(input);
    if (results.size >= capacity) results.delete(results.keys().next().value as string);
    results.set(key, result);
    return result;
  };
}

/** Keeps what JSON would lose or blur (a function, NaN, Infinity, undefined) distinct in the key. */
function exactValue(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return `\u0000number:${String(value)}`;
  if (typeof value === "function" || typeof value === "symbol" || value === undefined) return `\u0000${typeof value}`;
  return value;
}
