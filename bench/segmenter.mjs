// Benchmark of the segmenter in @voxpipe/core: throughput on prose,
// linear growth (10× the input within 12× the time, also with no punctuation),
// and bounded memory. Build core first (`pnpm build`), then run
// `node bench/segmenter.mjs [--quick]`, or import `benchSegmenter` from a runner.
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { createNormalizer, createSegmenter } from "../packages/core/dist/index.js";

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
  return makeSentences(bytes, seed, (random, pick) => {
    const words = [pick(STARTERS)];
    const count = 4 + Math.floor(random() * 22);
    for (let i = 0; i < count; i++) {
      words.push(pick(WORDS));
      if (random() < 0.08) words[words.length - 1] += ",";
      if (random() < 0.03) words.push(String(Math.floor(random() * 5000) / 100));
    }
    const sentence = words.join(" ") + pick(TAILS);
    return sentence + (random() < 0.12 ? "\n\n" : " ");
  });
}

/** `bytes` characters of sentences from `sentence(random, pick)`, deterministic for a seed. */
function makeSentences(bytes, seed, sentence) {
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const next = sentence(random, pick);
    parts.push(next);
    size += next.length;
  }
  return parts.join("").slice(0, bytes);
}

const DENSE = [
  "$3.50", "€20", "$2.5M", "Jan. 5", "Dec 25, 2023", "2024-03-15", "10:30", "9:05 am", "3 p.m.", "25°C", "250 ml", "5-10",
  "3/4", "50%", "1,234,567", "-3", "21st", "Louis XIV", "chapter IV", "Dr. Smith", "Oak St.", "e.g.", "etc.", "john@example.com",
  "https://example.com/docs", "#AI", "2+2=4", "24/7", "&", "(555) 123-4567", "the 1990s", "100 km/h", "1.5 GB",
];

/** Deterministic sentences made mostly of what the normalizer rewrites (numbers, money, dates, addresses…). */
export function makeDense(bytes, seed = 6) {
  return makeSentences(bytes, seed, (random, pick) => {
    const words = [pick(STARTERS)];
    const count = 3 + Math.floor(random() * 10);
    for (let i = 0; i < count; i++) words.push(random() < 0.5 ? pick(DENSE) : pick(WORDS));
    return `${words.join(" ")}. `;
  });
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

/**
 * Splits text into pieces of 1–6 characters, like an LLM's token stream. The pieces are kept as
 * sizes and cut from the text while feeding (as tokens arrive as fresh strings), so the input's
 * memory layout is the same at every size and cache effects do not distort the growth ratio.
 */
export function splitPieces(text, seed = 3) {
  const random = seededRandom(seed);
  const sizes = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(random() * 6);
    sizes.push(size);
    i += size;
  }
  return { text, sizes: Uint8Array.from(sizes), length: sizes.length };
}

/**
 * Feeds all pieces to a fresh segmenter; returns milliseconds and the number of segments.
 * With `normalize`, each segment is also normalized (English, every category on), as the pipeline does before TTS.
 */
function feed(pieces, normalize = false) {
  const { text, sizes } = pieces;
  const started = performance.now();
  const segmenter = createSegmenter();
  const normalizer = normalize ? createNormalizer() : undefined;
  let segments = 0;
  let spokenChars = 0;
  const take = (cut) => {
    segments += cut.length;
    if (normalizer) for (const segment of cut) spokenChars += normalizer.normalize(segment.text).spoken.length;
  };
  let position = 0;
  for (let i = 0; i < sizes.length; i++) {
    const end = position + sizes[i];
    take(segmenter.push(text.slice(position, end)));
    position = end;
  }
  take(segmenter.end());
  return { ms: performance.now() - started, segments, spokenChars };
}

const median = (values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Times `large` (10× the text) against `small` over interleaved rounds. Each round runs `large`
 * once and `small` ten times back to back, so both do the same work under the same machine load;
 * the round's growth is time(large) / mean time(small). Returns the medians over the rounds.
 */
function growthPair(small, large, rounds, normalize = false) {
  const growths = [];
  const largeTimes = [];
  for (let round = 0; round < rounds; round++) {
    const largeMs = feed(large, normalize).ms;
    let smallTotal = 0;
    for (let i = 0; i < 10; i++) smallTotal += feed(small, normalize).ms;
    growths.push(largeMs / (smallTotal / 10));
    largeTimes.push(largeMs);
  }
  return { growth: median(growths), largeMs: median(largeTimes) };
}

/** A full garbage collection, so heap samples show what is retained rather than garbage not yet collected. */
function fullGc() {
  if (typeof globalThis.gc === "function") return globalThis.gc;
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc");
}

/** Peak retained heap growth, in MB, while streaming `text` in 1–6 character pieces (sampled after full GCs). */
function peakHeapMb(text) {
  const gc = fullGc();
  gc();
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
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  segmenter.end();
  return (peak - baseline) / (1024 * 1024);
}

/**
 * piecesPerSecond: 1–6 character pieces of prose pushed per second (1 MB; 200 KB when quick), median run.
 * growth10xProse / growth10xNoPunct: time for 10× the input divided by time for 1× (linear ≈ 10;
 * target ≤ 12), prose 100 KB → 1 MB and no punctuation 10 KB → 100 KB (a fifth of that when quick),
 * median over interleaved rounds.
 * piecesPerSecondNormalized / growth10xNormalized: the same for prose with each segment normalized
 * (text normalization before TTS, every category on), median over interleaved rounds.
 * growth10xNormalizedDense: the same growth for text made mostly of what the normalizer rewrites,
 * 10 KB → 100 KB (a fifth of that when quick).
 * peakMb: peak retained heap growth while streaming 1 MB of prose (200 KB when quick), sampled after
 * full GCs every 16384 pieces; bounded by maxLength, it does not grow with the input.
 */
export async function benchSegmenter({ quick = false } = {}) {
  const scale = quick ? 0.2 : 1;
  const proseSmall = splitPieces(makeProse(Math.round(100_000 * scale)));
  const proseLarge = splitPieces(makeProse(Math.round(1_000_000 * scale)));
  const flatSmall = splitPieces(makeNoPunctuation(Math.round(10_000 * scale)));
  const flatLarge = splitPieces(makeNoPunctuation(Math.round(100_000 * scale)));
  const rounds = quick ? 5 : 9;
  // Warm up the JIT on both shapes of text before timing anything.
  for (let i = 0; i < 3; i++) {
    feed(proseSmall);
    feed(flatLarge);
  }
  const prose = growthPair(proseSmall, proseLarge, rounds);
  const flat = growthPair(flatSmall, flatLarge, rounds);
  feed(proseSmall, true);
  const normalized = growthPair(proseSmall, proseLarge, rounds, true);
  const denseSmall = splitPieces(makeDense(Math.round(10_000 * scale)));
  const denseLarge = splitPieces(makeDense(Math.round(100_000 * scale)));
  feed(denseSmall, true);
  const dense = growthPair(denseSmall, denseLarge, rounds, true);
  const peakMb = peakHeapMb(makeProse(Math.round(1_000_000 * scale), 5));
  const round = (value, digits) => Number(value.toFixed(digits));
  return {
    piecesPerSecond: Math.round(proseLarge.length / (prose.largeMs / 1000)),
    growth10xProse: round(prose.growth, 2),
    growth10xNoPunct: round(flat.growth, 2),
    piecesPerSecondNormalized: Math.round(proseLarge.length / (normalized.largeMs / 1000)),
    growth10xNormalized: round(normalized.growth, 2),
    growth10xNormalizedDense: round(dense.growth, 2),
    peakMb: round(Math.max(0, peakMb), 2),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = await benchSegmenter({ quick: process.argv.includes("--quick") });
  console.log(JSON.stringify(result, null, 2));
}
