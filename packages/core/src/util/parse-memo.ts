/**
 * Remembers the last few results of a pure function of plain JSON-like input (option objects),
 * keyed by an exact text form of that data. Checking options with zod costs tens of microseconds; every pipeline
 * run checks the same few option objects, and that time would sit on the first segment's path.
 * A throw is not remembered (bad input is rare and its error must name what was given), and input
 * that is not plain data (a function, NaN, a class instance) is never looked up.
 */
export function memoizeByJson<I, O>(compute: (input: I) => O, capacity = 32): (input: I) => O {
  const results = new Map<string, O>();
  return (input) => {
    const key = plainKey(input, 0);
    if (key === undefined) return compute(input);
    const known = results.get(key);
    if (known !== undefined) return known;
    const result = compute(input);
    if (results.size >= capacity) results.delete(results.keys().next().value as string);
    results.set(key, result);
    return result;
  };
}

const MAX_DEPTH = 8;

/** A key that tells plain data apart exactly (keys in their order, strings length-prefixed), or undefined for anything else. */
function plainKey(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case "string":
      // Length-prefixed, so no content can be mistaken for the key's structure (and no JSON.stringify, slow on a cold path).
      return `s${value.length}:${value}`;
    case "boolean":
      return value ? "t" : "f";
    case "number":
      return Number.isFinite(value) ? String(value) : undefined;
    case "undefined":
      return "u";
    case "object": {
      if (value === null) return "n";
      if (depth >= MAX_DEPTH) return undefined;
      if (Array.isArray(value)) {
        let key = "[";
        for (const item of value) {
          const inner = plainKey(item, depth + 1);
          if (inner === undefined) return undefined;
          key += `${inner},`;
        }
        return `${key}]`;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return undefined;
      let key = "{";
      for (const name in value) {
        const inner = plainKey((value as Record<string, unknown>)[name], depth + 1);
        if (inner === undefined) return undefined;
        key += `${name.length}:${name}=${inner},`;
      }
      return `${key}}`;
    }
    default:
      return undefined;
  }
}
