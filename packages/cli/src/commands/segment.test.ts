import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../main.js";
import { segmentCommand } from "./segment.js";

async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  const stderr: string[] = [];
  const code = await main(["segment", ...argv], { stdout: () => {}, stderr: (s) => stderr.push(s) });
  return { code, stderr: stderr.join("\n").split("\n")[0] ?? "" };
}

describe("voxpipe segment", () => {
  it("prints one segment per line as text arrives, with the config's defaults (eager first segment)", async () => {
    const lines: string[] = [];
    const input = Readable.from(["Hello there, this is the first ", "sentence. And here ", "comes the second one!\nA new line."]);
    expect(await segmentCommand(["--max", "60"], { stdout: (s) => lines.push(s) }, input)).toBe(0);
    expect(lines).toEqual(["Hello there,", "this is the first sentence.", "And here comes the second one!", "A new line."]);
  });

  it("--no-eager keeps the first sentence whole", async () => {
    const lines: string[] = [];
    const input = Readable.from(["Hello there, this is the first sentence. And here comes the second one!"]);
    expect(await segmentCommand(["--no-eager"], { stdout: (s) => lines.push(s) }, input)).toBe(0);
    expect(lines).toEqual(["Hello there, this is the first sentence.", "And here comes the second one!"]);
  });

  it.each([
    [["--max", "5"], "voxpipe: --max (5) is below --min (20, its default); give a --max of at least 20, or lower --min to 5 or less"],
    [["--min", "50", "--max", "40"], "voxpipe: --max (40) is below --min (50); give a --max of at least 50, or lower --min to 40 or less"],
    [["--min", "1e308"], "voxpipe: --min: expected a number of at most 10000, received 1e+308"],
    [["--max", "0"], "voxpipe: --max: expected a number of at least 1, received 0"],
    [["--min", "2.5"], "voxpipe: --min: expected a whole number, received 2.5"],
    [["--min", "abc"], 'voxpipe: --min: expected a whole number, received "abc"'],
    [["--eager", "--no-eager"], "voxpipe: --eager and --no-eager: give one of them"],
  ])("%j explains itself and exits 1", async (argv, message) => {
    expect(await run(argv)).toEqual({ code: 1, stderr: message });
  });
});
