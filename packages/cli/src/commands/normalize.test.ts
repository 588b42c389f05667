import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../main.js";
import { normalizeCommand } from "./normalize.js";

const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-cli-normalize-"));
const configFile = path.join(dir, "voxpipe.config.yaml");
writeFileSync(configFile, 'normalize:\n  categories: { urls: false }\n  lexicon:\n    voxpipe: vox pipe\n    SQL: { say: sequel, phonemes: "s\'i:kw@l" }\n');

async function normalize(argv: string[], pieces: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await normalizeCommand(argv, { stdout: (s) => lines.push(s) }, Readable.from(pieces));
  return { code, lines };
}

describe("voxpipe normalize", () => {
  it("prints the spoken form of each line of stdin, lines cut across pieces", async () => {
    const { code, lines } = await normalize([], ["It costs $3.", "50 at 9 a.m.\nDr. Smith on Oak St.\n", "Louis XIV"]);
    expect(code).toBe(0);
    expect(lines).toEqual(["It costs three dollars fifty cents at nine a m.", "doctor Smith on Oak Street.", "Louis the fourteenth"]);
  });

  it("uses the config's lexicon and category switches, and --phonemes shows what eSpeak gets", async () => {
    const plain = await normalize(["--config", configFile], ["voxpipe speaks SQL at example.com\n"]);
    expect(plain.lines).toEqual(["vox pipe speaks sequel at example.com"]);
    const phonemes = await normalize(["--config", configFile, "--phonemes"], ["voxpipe speaks SQL\n"]);
    expect(phonemes.lines).toEqual(["vox pipe speaks [[s'i:kw@l]]"]);
  });

  it("--json prints written, spoken and the rewritten spans", async () => {
    const { lines } = await normalize(["--json"], ["Pay $5 now"]);
    expect(JSON.parse(lines[0]!)).toEqual({
      written: "Pay $5 now",
      spoken: "Pay five dollars now",
      spans: [{ by: "currency", writtenStart: 4, writtenEnd: 6, spokenStart: 4, spokenEnd: 16 }],
    });
  });

  it("rejects a language without rules and text given as an argument, saying what to do", async () => {
    const errors: string[] = [];
    const io = { stdout: () => undefined, stderr: (s: string) => errors.push(s) };
    expect(await main(["normalize", "--lang", "fr"], io)).toBe(1);
    expect(errors.join("\n")).toMatch(/--lang: there are no normalization rules for "fr"; expected one of en/);
    expect(await main(["normalize", "hello"], io)).toBe(1);
    expect(errors.join("\n")).toMatch(/normalize reads its text from stdin; unexpected argument "hello" \(try: echo "hello" \| voxpipe normalize\)/);
  });
});
