// Benchmark of the segmenter in @voxpipe/core (issue 3): throughput on prose,
// linear growth (10× the input within 12× the time, also with no punctuation),
// and bounded memory. Build core first (`pnpm build`), then run
// `node bench/segmenter.mjs [--quick]` (add `--expose-gc` for a cleaner memory
// figure), or import `benchSegmenter` from a runner.
import { pathToFileURL } from "node:url";
import { createSegmenter } from "../packages/core/dist/index.js";

/** mulberry32: a small seeded PRNG, so every run feeds the same text in the same pieces. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "the a of and to in is it that for on with as was be by this are or at from have an not but they which you " +
  "one all were we when there can more if will some would other into has its time than only first new very " +
  "model voice speech stream token audio reply sentence engine latency buffer quickly simply before after " +
  "during because while then people system answer question example number little between through"
).split(" ");
const STARTERS = ["The", "This", "It", "We", "In", "When", "Dr. Smith", "After that", "However", "Mr. Lee", "Today"];
const TAILS = [".", ".", ".", ".", "!", "?", "...", ". It costs $7.50.", " at 9 a.m.", ", e.g. this one."];

/** Deterministic prose of about `bytes` characters: sentences, commas, numbers, abbreviations, paragraphs. */
export function makeProse(bytes, seed = 1) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const words = [pick(STARTERS)];
    const count = 4 + Math.floor(random() * 22);
    for (let i = 0; i < count; i++) {
      words.push(pick(WORDS));
      if (random() < 0.08) words[words.length - 1] += ",";
      if (random() < 0.03) words.push(String(Math.floor(random() * 5000) / 100));
    }
    let sentence = words.join(" ") + pick(TAILS);
    sentence += random() < 0.12 ? "\n\n" : " ";
    parts.push(sentence);
    size += sentence.length;
  }
  return parts.join("").slice(0, bytes);
}

/** Deterministic words and spaces, with no punctuation and no newline at all. */
export function makeNoPunctuation(bytes, seed = 2) {
  const random = seededRandom(seed);
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const word = WORDS[Math.floor(random() * WORDS.length)];
    parts.push(word);
    size += word.length + 1;
  }
  return parts.join(" ").slice(0, bytes);
}

/** Splits text into pieces of 1–6 characters, like an LLM's token stream. */
export function splitPieces(text, seed = 3) {
  const random = seededRandom(seed);
  const pieces = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(random() * 6);
    pieces.push(text.slice(i, i + size));
    i += size;
  }
  return pieces;
}

/** Feeds all pieces to a fresh segmenter; returns milliseconds and the number of segments. */
function feed(pieces) {
  const started = performance.now();
  const segmenter = createSegmenter();
  let segments = 0;
  for (let i = 0; i < pieces.length; i++) segments += segmenter.push(pieces[i]).length;
  segments += segmenter.end().length;
  return { ms: performance.now() - started, segments };
}

/** Best of `runs` timings (the least disturbed by GC and JIT). */
function bestMs(pieces, runs) {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, feed(pieces).ms);
  return best;
}

/** Peak heap growth, in MB, while streaming `bytes` of generated prose (the input is never held whole). */
function peakHeapMb(text) {
  const gc = globalThis.gc;
  gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const segmenter = createSegmenter();
  const random = seededRandom(4);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(random() * 6);
    segmenter.push(text.slice(i, i + size));
    i += size;
    if (++n % 16384 === 0) {
      gc?.();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  segmenter.end();
  return (peak - baseline) / (1024 * 1024);
}

/**
 * piecesPerSecond: 1–6 character pieces of prose pushed per second (1 MB; 200 KB when quick).
 * growth10xProse / growth10xNoPunct: time for 10× the input divided by time for 1× (linear ≈ 10;
 * target ≤ 12), prose 100 KB → 1 MB and no punctuation 10 KB → 100 KB (a fifth of that when quick).
 * peakMb: peak heap growth while streaming the large prose input (bounded: it does not grow with input).
 */
export async function benchSegmenter({ quick = false } = {}) {
  const scale = quick ? 0.2 : 1;
  const proseSmall = splitPieces(makeProse(Math.round(100_000 * scale)));
  const proseLarge = splitPieces(makeProse(Math.round(1_000_000 * scale)));
  const flatSmall = splitPieces(makeNoPunctuation(Math.round(10_000 * scale)));
  const flatLarge = splitPieces(makeNoPunctuation(Math.round(100_000 * scale)));
  const runs = quick ? 3 : 5;
  // Warm up the JIT on both shapes of text before timing anything.
  for (let i = 0; i < 3; i++) {
    feed(proseSmall);
    feed(flatLarge);
  }
  const proseSmallMs = bestMs(proseSmall, runs * 4);
  const proseLargeMs = bestMs(proseLarge, runs);
  const flatSmallMs = bestMs(flatSmall, runs * 20);
  const flatLargeMs = bestMs(flatLarge, runs * 4);
  const peakMb = peakHeapMb(makeProse(Math.round(1_000_000 * scale), 5));
  const round = (value, digits) => Number(value.toFixed(digits));
  return {
    piecesPerSecond: Math.round(proseLarge.length / (proseLargeMs / 1000)),
    growth10xProse: round(proseLargeMs / proseSmallMs, 2),
    growth10xNoPunct: round(flatLargeMs / flatSmallMs, 2),
    peakMb: round(Math.max(0, peakMb), 2),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await benchSegmenter({ quick: process.argv.includes("--quick") });
  console.log(JSON.stringify(result, null, 2));
}
