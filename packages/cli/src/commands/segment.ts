import { createSegmenter } from "@voxpipe/core";
import { parseCommandArgs, UsageError } from "../args.js";

export const segmentUsage = `Usage: voxpipe segment [--min N] [--max N] [--eager] [--json]

Reads text from stdin as it arrives and prints one segment per line as soon as it is cut:
a way to see where and why voxpipe cuts text.

Options:
  --min N     minimum segment length in characters (default 20)
  --max N     maximum segment length in characters (default 100)
  --eager     let the first segment end at a clause boundary
  --json      print each segment as a JSON object {index, text}`;

export async function segmentCommand(argv: readonly string[], io: { stdout: (s: string) => void }, input: AsyncIterable<string | Buffer> = process.stdin): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    min: { type: "string" },
    max: { type: "string" },
    eager: { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout(segmentUsage);
    return 0;
  }
  const number = (value: string | undefined, name: string): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name}: expected a positive whole number, received "${value}"`);
    return n;
  };
  const minLength = number(values.min, "min");
  const maxLength = number(values.max, "max");
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) throw new UsageError("--min must not exceed --max");
  const segmenter = createSegmenter({
    ...(minLength !== undefined ? { minLength } : {}),
    ...(maxLength !== undefined ? { maxLength } : {}),
    ...(values.eager ? { eagerFirstSegment: true } : {}),
  });
  const print = (segments: { index: number; text: string }[]): void => {
    for (const s of segments) io.stdout(values.json ? JSON.stringify(s) : s.text);
  };
  const decoder = new TextDecoder();
  for await (const piece of input) print(segmenter.push(typeof piece === "string" ? piece : decoder.decode(piece, { stream: true })));
  print(segmenter.push(decoder.decode()));
  print(segmenter.end());
  return 0;
}
