import { createSegmenter, DEFAULT_MAX_LENGTH, DEFAULT_MIN_LENGTH, formatIssues, segmenterOptionsSchema, type SegmenterOptions } from "@voxpipe/core";
import { parseCommandArgs, UsageError } from "../args.js";

export const segmentUsage = `Usage: voxpipe segment [--min N] [--max N] [--no-eager] [--json]

Reads text from stdin as it arrives and prints one segment per line as soon as it is cut:
a way to see where and why voxpipe cuts text. The defaults are the config's (segmenter key).

Options:
  --min N       minimum segment length in characters (default ${DEFAULT_MIN_LENGTH})
  --max N       maximum segment length in characters (default ${DEFAULT_MAX_LENGTH}; at least --min)
  --no-eager    do not end the first segment early at a clause boundary (on by default, as in the config)
  --eager       end the first segment early at a clause boundary (the default)
  --json        print each segment as a JSON object {index, text}`;

const flags: Record<string, string> = { minLength: "--min", maxLength: "--max", firstMinLength: "--min" };

/** The segmenter options the flags give, checked by the segmenter's own schema; problems name the flags. */
export function segmentOptionsFromFlags(values: { min?: string | undefined; max?: string | undefined; "no-eager"?: boolean | undefined }): SegmenterOptions {
  const number = (text: string | undefined, flag: string): number | undefined => {
    if (text === undefined) return undefined;
    const value = text.trim() === "" ? Number.NaN : Number(text);
    if (Number.isNaN(value)) throw new UsageError(`${flag}: expected a whole number, received ${JSON.stringify(text)}`);
    return value;
  };
  const options: SegmenterOptions = {
    ...(values.min !== undefined ? { minLength: number(values.min, "--min") } : {}),
    ...(values.max !== undefined ? { maxLength: number(values.max, "--max") } : {}),
    ...(values["no-eager"] ? { eagerFirstSegment: false } : {}),
  };
  const parsed = segmenterOptionsSchema.safeParse(options, { reportInput: true });
  if (parsed.success) return options;
  const lines = formatIssues(parsed.error.issues).map((line) => {
    let text = line.replace(/\b(minLength|maxLength|firstMinLength)\b/g, (key) => flags[key] ?? key).replace(/^(--\w+): (?=\1 )/, "");
    if (values.min === undefined) text = text.replace(/--min \((\d+)\)/, "--min ($1, its default)");
    return text;
  });
  throw new UsageError(lines.join("\n"));
}

export async function segmentCommand(argv: readonly string[], io: { stdout: (s: string) => void }, input: AsyncIterable<string | Buffer> = process.stdin): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    min: { type: "string" },
    max: { type: "string" },
    eager: { type: "boolean" },
    "no-eager": { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout(segmentUsage);
    return 0;
  }
  if (values.eager && values["no-eager"]) throw new UsageError("--eager and --no-eager: give one of them");
  const segmenter = createSegmenter(segmentOptionsFromFlags(values));
  const print = (segments: { index: number; text: string }[]): void => {
    for (const s of segments) io.stdout(values.json ? JSON.stringify(s) : s.text);
  };
  const decoder = new TextDecoder();
  for await (const piece of input) print(segmenter.push(typeof piece === "string" ? piece : decoder.decode(piece, { stream: true })));
  print(segmenter.push(decoder.decode()));
  print(segmenter.end());
  return 0;
}
