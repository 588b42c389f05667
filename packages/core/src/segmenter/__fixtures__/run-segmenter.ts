import { createSegmenter } from "../create-segmenter.js";
import type { Segment } from "../segment.js";
import type { SegmenterOptions, SegmenterRates } from "../segmenter-options.js";

/** A small seeded PRNG (mulberry32), so random chunkings are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `text` into UTF-16 pieces of 1–`maxPiece` units (surrogate pairs may be split on purpose). */
export function randomChunks(text: string, random: () => number, maxPiece = 6): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(random() * maxPiece);
    pieces.push(text.slice(i, i + size));
    i += size;
  }
  return pieces;
}

/**
 * The corpus pins the static rules: eager first segments and adaptive sizing
 * (both on by default) are off unless a case turns them on.
 */
export const staticRules: SegmenterOptions = { eagerFirstSegment: false, adaptive: false };

/**
 * Runs a fresh segmenter (static rules unless `options` says otherwise, with `rates` fed in first) over
 * `pieces` and returns the segment texts; checks indexes are 0, 1, 2, ….
 */
export function segmentPieces(pieces: readonly string[], options?: SegmenterOptions, rates?: SegmenterRates): string[] {
  return segmentsOf(pieces, options, rates).map((segment) => segment.text);
}

/** Like `segmentPieces`, with "¶ " before each segment flagged `startsBlock`: invariance covers the flag too. */
export function segmentMarked(pieces: readonly string[], options?: SegmenterOptions, rates?: SegmenterRates): string[] {
  return segmentsOf(pieces, options, rates).map((segment) => (segment.startsBlock ? `¶ ${segment.text}` : segment.text));
}

function segmentsOf(pieces: readonly string[], options?: SegmenterOptions, rates?: SegmenterRates): Segment[] {
  const segmenter = createSegmenter({ ...staticRules, ...options });
  if (rates) segmenter.updateRates(rates);
  const segments: Segment[] = [];
  for (const piece of pieces) segments.push(...segmenter.push(piece));
  segments.push(...segmenter.end());
  segments.forEach((segment, i) => {
    if (segment.index !== i) throw new Error(`segment ${i} has index ${segment.index}`);
  });
  return segments;
}

/** The whole text in one push. */
export function segmentWhole(text: string, options?: SegmenterOptions, rates?: SegmenterRates): string[] {
  return segmentPieces([text], options, rates);
}
