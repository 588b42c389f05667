// Small statistics helpers shared by the benchmark parts. Every figure the
// suite reports is a median or a percentile over repeated runs.

/** Sorted copy, ascending. */
function sorted(values) {
  return [...values].sort((a, b) => a - b);
}

/**
 * The p-th percentile (0–100) with linear interpolation between the two
 * nearest ranks (the same definition as numpy's default). NaN for no values.
 */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const s = sorted(values);
  const rank = (p / 100) * (s.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return s[low] + (s[high] - s[low]) * (rank - low);
}

export const median = (values) => percentile(values, 50);

export function mean(values) {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export const min = (values) => (values.length ? Math.min(...values) : Number.NaN);
export const max = (values) => (values.length ? Math.max(...values) : Number.NaN);

/** Rounds to `digits` decimals (numbers only; null and NaN become null so JSON stays valid). */
export function round(value, digits = 2) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** { n, p50, p90, p99, min, max, mean } of a list, rounded. */
export function summarize(values, digits = 3) {
  return {
    n: values.length,
    p50: round(percentile(values, 50), digits),
    p90: round(percentile(values, 90), digits),
    p99: round(percentile(values, 99), digits),
    min: round(min(values), digits),
    max: round(max(values), digits),
    mean: round(mean(values), digits),
  };
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence on every machine. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
