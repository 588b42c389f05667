import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors/voxpipe-error.js";
import { loadConfig } from "../config/load-config.js";
import { NORMALIZE_CATEGORIES } from "./normalize-category.js";
import { createNormalizer } from "./create-normalizer.js";

const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-normalize-config-"));
let n = 0;
function file(text: string): string {
  const name = path.join(dir, `config-${n++}.yaml`);
  writeFileSync(name, text);
  return name;
}

async function failure(text: string): Promise<ConfigError> {
  try {
    await loadConfig(file(text), { env: {} });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("normalize in the config", () => {
  it("is on by default, English, every category on, an empty lexicon", async () => {
    const { config } = await loadConfig(file("log: { level: warn }"), { env: {} });
    expect(config.normalize.enabled).toBe(true);
    expect(config.normalize.lang).toBe("en");
    expect(config.normalize.lexicon).toEqual({});
    expect(Object.keys(config.normalize.categories).sort()).toEqual([...NORMALIZE_CATEGORIES].sort());
    expect(Object.values(config.normalize.categories).every((on) => on)).toBe(true);
  });

  it("reads switches and a lexicon that a normalizer then uses", async () => {
    const { config } = await loadConfig(
      file(`normalize:\n  categories: { currency: false }\n  lexicon:\n    voxpipe: vox pipe\n    Nguyen: { say: win, phonemes: "w'In" }\n`),
      { env: {} },
    );
    expect(config.normalize.categories.currency).toBe(false);
    expect(config.normalize.categories.dates).toBe(true);
    const normalizer = createNormalizer(config.normalize);
    expect(normalizer.normalize("voxpipe and Nguyen pay $5 on Jan. 5").spoken).toBe("vox pipe and win pay $5 on January fifth");
  });

  const cases: [string, string, RegExp][] = [
    ["an unknown category", "normalize: { categories: { money: false } }", /normalize\.categories\.money: unknown key/],
    ["a category that is not a boolean", "normalize: { categories: { urls: no-thanks } }", /normalize\.categories\.urls: expected true or false, received "no-thanks"/],
    ["an unknown language", "normalize: { lang: fr }", /normalize\.lang: expected (one of )?"en".*, received "fr"/],
    ["a lexicon entry that is a number", "normalize: { lexicon: { SQL: 5 } }", /normalize\.lexicon\.SQL: expected a string \(what to say\) or an object \{ say, phonemes \}/],
    ["a lexicon entry with neither say nor phonemes", "normalize: { lexicon: { SQL: {} } }", /normalize\.lexicon\.SQL: give "say", "phonemes" or both/],
    ["phonemes that would close the brackets", 'normalize: { lexicon: { SQL: { phonemes: "a]]b" } } }', /normalize\.lexicon\.SQL\.phonemes: phonemes must not contain "\]\]"/],
    ["an unknown key", "normalize: { enable: false }", /normalize\.enable: unknown key/],
  ];
  it.each(cases)("rejects %s, naming the key", async (_name, text, pattern) => {
    const error = await failure(text);
    expect(error.message).toMatch(pattern);
  });
});
