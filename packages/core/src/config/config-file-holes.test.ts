import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors/voxpipe-error.js";
import { loadConfig } from "./load-config.js";
import { loadResolvedConfig } from "./load-resolved-config.js";

const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-config-holes-"));
function file(name: string, text: string | Buffer): string {
  const full = path.join(dir, name);
  writeFileSync(full, text);
  return full;
}
async function message(configFile: string): Promise<string> {
  const error = await loadConfig(configFile, { env: {} }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

describe("config files that are not what they seem get one clear error", () => {
  it("a folder", async () => {
    const folder = path.join(dir, "a-folder");
    mkdirSync(folder);
    expect(await message(folder)).toBe(`${folder} is a folder, not a config file. Give the path of a .yaml, .yml or .json file inside it.`);
  });

  it.runIf(process.platform !== "win32")("a device such as /dev/zero", async () => {
    expect(await message("/dev/zero")).toBe("/dev/zero is a device, not a config file. Give the path of a .yaml, .yml or .json file.");
  });

  it("a file larger than 1 MiB is not read past the cap", async () => {
    const big = file("big.yaml", Buffer.alloc(2 * 1024 * 1024, 0x20));
    expect(await message(big)).toBe(`${big} is larger than 1 MiB, so it is not a voxpipe config (one is a few hundred bytes). Check the path given to --config.`);
  });

  it("100 000 levels of JSON nesting", async () => {
    const deep = file("deep.json", `{"llm": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    expect(await message(deep)).toBe(`${deep}: nested more than 64 levels deep (line 1, column 72); a voxpipe config needs at most a few levels. Check that this is the right file.`);
  });

  it("100 000 levels of YAML flow nesting", async () => {
    const deep = file("deep.yaml", `llm: ${"{a: ".repeat(100_000)}1${"}".repeat(100_000)}`);
    expect(await message(deep)).toBe(`${deep}: nested more than 64 levels deep (line 1, column 262); a voxpipe config needs at most a few levels. Check that this is the right file.`);
  });

  it("YAML block nesting as deep as 1 MiB allows (1445 levels)", async () => {
    const lines: string[] = [];
    for (let level = 0, bytes = 0; bytes + level + 3 <= 1024 * 1024; bytes += level + 3, level++) lines.push(`${" ".repeat(level)}a:`);
    const deep = file("deep-block.yaml", `${lines.join("\n")}\n`);
    expect(await message(deep)).toBe(`${deep}: nested more than 64 levels deep (line 65, column 65); a voxpipe config needs at most a few levels. Check that this is the right file.`);
    const sequence = file("deep-sequence.yaml", `openings:\n  ${"- ".repeat(100_000)}x\n`);
    expect(await message(sequence)).toBe(`${sequence}: nested more than 64 levels deep (line 2, column 3); a voxpipe config needs at most a few levels. Check that this is the right file.`);
  });

  it("indented lines of a block scalar are text, not nesting", async () => {
    const steps = Array.from({ length: 100 }, (_, i) => `${" ".repeat(6 + i)}step ${i}`).join("\n");
    const config = file("block-scalar.yaml", `cache:\n  openings:\n    - |\n${steps}\n  enabled: false\n`);
    const { config: loaded } = await loadConfig(config, { env: {} });
    expect(loaded.cache.openings[0]?.split("\n")).toHaveLength(101);
  });

  it("brackets inside quoted strings and comments are not nesting", async () => {
    const brackets = "[".repeat(200);
    const config = file("brackets.yaml", `# ${brackets}\ncache: { openings: ["${brackets}", '${brackets}'] }\n`);
    const { config: loaded } = await loadConfig(config, { env: {} });
    expect(loaded.cache.openings).toEqual([brackets, brackets]);
  });

  it("JSON with a UTF-8 byte-order mark is read", async () => {
    const bom = file("bom.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{ "pipeline": { "mode": "whole" } }')]));
    expect((await loadConfig(bom, { env: {} })).config.pipeline.mode).toBe("whole");
  });

  it("a key repeated in a JSON object is rejected, as in YAML", async () => {
    const json = file("duplicate.json", '{\n  "pipeline": { "mode": "whole",\n    "mode": "streaming" }\n}');
    expect(await message(json)).toBe(`${json}: not valid JSON for voxpipe: the key "pipeline.mode" appears twice (again at line 3, column 5); keep one.`);
    const yaml = file("duplicate.yaml", "pipeline:\n  mode: whole\n  mode: streaming\n");
    expect(await message(yaml)).toMatch(new RegExp(`^${yaml.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not valid YAML: Map keys must be unique at line 3, column 3`));
  });

  it("the same key in two different JSON objects is fine", async () => {
    const json = file("same-key.json", '{ "pipeline": { "fragments": { "enabled": true } }, "cache": { "enabled": false } }');
    expect((await loadConfig(json, { env: {} })).config.pipeline.fragments.enabled).toBe(true);
  });

  it("__proto__ inside adapter options in JSON is an unknown key", async () => {
    const json = file("proto.json", '{ "llm": { "use": "@voxpipe/core/testing#scriptedLlm", "options": { "text": "Hi.", "__proto__": { "failAfterChars": 1 } } }, "tts": { "use": "@voxpipe/core/testing#syntheticTts" } }');
    const error = await loadResolvedConfig(json, { env: {}, searchFrom: [path.resolve(import.meta.dirname, "../..")] }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect((error as ConfigError).message).toBe(`${json}: invalid config:\n  - llm.options.__proto__: unknown key (check the spelling; see the README for the keys allowed here)`);
  });
});
