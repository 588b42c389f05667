import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { main } from "../main.js";

const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));

async function schemaFromMain(): Promise<Record<string, unknown>> {
  const stdout: string[] = [];
  expect(await main(["config", "schema"], { stdout: (s) => stdout.push(s), stderr: () => {} })).toBe(0);
  return JSON.parse(stdout.join("\n")) as Record<string, unknown>;
}

const hasPnpm = spawnSync("pnpm", ["--version"], { encoding: "utf8" }).status === 0;

describe("voxpipe config schema", () => {
  it.skipIf(!hasPnpm)("the README's command writes a file that parses as JSON (no banner before it)", () => {
    if (!hasPnpm) console.warn("skipped: pnpm is not on PATH (npm i -g pnpm@10.34.9)");
    const out = path.join(mkdtempSync(path.join(tmpdir(), "voxpipe-schema-")), "voxpipe.schema.json");
    const run = spawnSync("sh", ["-c", `pnpm voxpipe config schema > "${out}"`], { cwd: repoRoot, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("{")).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "object" });
  });

  describe("types each voxpipe adapter's options by its use value", async () => {
    const schema = await schemaFromMain();
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(schema);
    const errorsOf = (config: unknown): string[] => (validate(config) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`.trim()));

    it("is a valid 2020-12 schema that accepts the default config and the examples' shapes", () => {
      expect(errorsOf({})).toEqual([]);
      expect(errorsOf({ llm: { use: "@voxpipe/llm-llama-cpp", options: { model: "stories260K.gguf", contextSize: 512, threads: 1 } }, tts: { use: "@voxpipe/tts-espeak", options: { voice: "en-us" } } })).toEqual([]);
    });

    it.each([
      ["llm", "@voxpipe/llm-ollama", { hots: "x", model: "llama3.2" }, "hots"],
      ["llm", "@voxpipe/llm-openai", { model: "gpt-4o-mini", baseUrl: "http://x" }, "baseUrl"],
      ["llm", "@voxpipe/llm-llama-cpp", { modle: "x.gguf" }, "modle"],
      ["tts", "@voxpipe/tts-espeak", { pich: 50 }, "pich"],
      ["tts", "@voxpipe/tts-piper", { model: "v.onnx", speeker: 1 }, "speeker"],
      ["tts", "@voxpipe/tts-kokoro", { model: "m.onnx", vioce: "af_heart" }, "vioce"],
      ["tts", "@voxpipe/tts-openai", { vioce: "alloy" }, "vioce"],
      ["tts", "@voxpipe/tts-gpt-sovits", { refAudioPath: "r.wav", promtText: "x" }, "promtText"],
    ])("%s %s: an unknown option is flagged", (kind, use, options, key) => {
      expect(errorsOf({ [kind]: { use, options } }).join("\n")).toMatch("must NOT have additional properties");
      const { [key]: _dropped, ...valid } = options as Record<string, unknown>;
      expect(errorsOf({ [kind]: { use, options: valid } })).toEqual([]);
    });

    it("a wrongly typed option is flagged, in a tts fallback list too", () => {
      expect(errorsOf({ tts: { use: "@voxpipe/tts-espeak", options: { rate: "fast" } } })).toContain("/tts/options/rate must be number");
      expect(errorsOf({ tts: [{ use: "@voxpipe/tts-espeak" }, { use: "@voxpipe/tts-espeak", options: { rate: "fast" } }] })).toContain("/tts/1/options/rate must be number");
      expect(errorsOf({ llm: { use: "@voxpipe/llm-ollama", options: {} } })).toContain("/llm/options must have required property 'model'");
    });

    it("a third-party use value is allowed, with free-form options", () => {
      expect(errorsOf({ llm: { use: "@acme/voxpipe-llm", options: { anything: [1, 2] } }, tts: { use: "./my-tts.js#voice", options: { hots: 1 } } })).toEqual([]);
    });

    it("offers the known use values for completion", () => {
      const llm = (schema["properties"] as Record<string, { properties: { use: { examples: string[] } } }>)["llm"];
      expect(llm?.properties.use.examples).toEqual(expect.arrayContaining(["@voxpipe/llm-llama-cpp", "@voxpipe/llm-ollama", "@voxpipe/llm-openai"]));
    });
  });
});
