// Part 6 — the segmenter's own benchmark, owned by the segmenter's authors:
// bench/segmenter.mjs exports benchSegmenter({ quick }) →
// { piecesPerSecond, growth10xProse, growth10xNoPunct, peakMb } (measured on
// 1 MB of prose and 100 KB without punctuation, fed in pieces of 1–6
// characters). This part only calls it, in its own process.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { benchDir } from "../lib/paths.mjs";

export async function run({ quick }) {
  const file = join(benchDir, "segmenter.mjs");
  if (!existsSync(file)) return { skipped: "bench/segmenter.mjs is not there yet (the segmenter's benchmark)" };
  const module = await import(pathToFileURL(file).href);
  if (typeof module.benchSegmenter !== "function") return { skipped: "bench/segmenter.mjs does not export benchSegmenter" };
  const result = await module.benchSegmenter({ quick });
  const { piecesPerSecond, growth10xProse, growth10xNoPunct, peakMb, ...rest } = result;
  return { piecesPerSecond, growth10xProse, growth10xNoPunct, peakMb, ...rest };
}
