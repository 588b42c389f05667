import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors/voxpipe-error.js";
import { resolveAdapters } from "../registry/create-providers.js";
import { loadConfig } from "./load-config.js";

const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-config-"));
const coreDir = path.resolve(import.meta.dirname, "../..");
let n = 0;
function file(text: string, ext = "yaml"): string {
  const name = path.join(dir, `config-${n++}.${ext}`);
  writeFileSync(name, text);
  return name;
}

async function failure(text: string, ext = "yaml", env: Record<string, string> = {}): Promise<ConfigError> {
  try {
    const loaded = await loadConfig(file(text, ext), { env });
    await resolveAdapters(loaded.config, { searchFrom: [loaded.configDir, coreDir] });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

const llm = 'llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Hi." } }';
const tts = 'tts: { use: "@voxpipe/core/testing#syntheticTts" }';

describe("loadConfig: malformed configs name the key, what was expected and what was found", () => {
  const cases: [string, string, RegExp, string?][] = [
    ["adapter option of the wrong type", `${llm}\ntts: { use: "@voxpipe/core/testing#syntheticTts", options: { voice: 3 } }`, /tts\.options\.voice: expected string, received number/],
    ["unknown top-level key", `${llm}\n${tts}\nllms: {}`, /llms: unknown key/],
    ["unknown key in pipeline", `${llm}\n${tts}\npipeline: { concurrency: 2 }`, /pipeline\.concurrency: unknown key/],
    ["bad mode", `${llm}\n${tts}\npipeline: { mode: fast }`, /pipeline\.mode: expected one of "streaming"\|"whole"/],
    ["concurrency zero", `${llm}\n${tts}\npipeline: { ttsConcurrency: 0 }`, /pipeline\.ttsConcurrency: Too small: expected number to be >=1/],
    ["concurrency not an integer", `${llm}\n${tts}\npipeline: { ttsConcurrency: 1.5 }`, /pipeline\.ttsConcurrency: expected int, received number/],
    ["concurrency as a string", `${llm}\n${tts}\npipeline: { ttsConcurrency: "two" }`, /pipeline\.ttsConcurrency: expected number, received string/],
    ["fragments interval too small", `${llm}\n${tts}\npipeline: { fragments: { enabled: true, intervalMs: 5 } }`, /pipeline\.fragments\.intervalMs: Too small/],
    ["fragments enabled not boolean", `${llm}\n${tts}\npipeline: { fragments: { enabled: "yes" } }`, /pipeline\.fragments\.enabled: expected boolean, received string/],
    ["playout lead as a word other than auto", `${llm}\n${tts}\npipeline: { playout: { lead: "long" } }`, /pipeline\.playout\.lead: expected "auto" or a whole number of ms from 0 to 10000/],
    ["negative playout lead", `${llm}\n${tts}\npipeline: { playout: { lead: -5 } }`, /pipeline\.playout\.lead: Too small: expected number to be >=0/],
    ["minLength above maxLength", `${llm}\n${tts}\nsegmenter: { minLength: 80, maxLength: 40 }`, /segmenter\.minLength: minLength must not exceed maxLength/],
    ["negative minLength", `${llm}\n${tts}\nsegmenter: { minLength: -1 }`, /segmenter\.minLength: Too small/],
    ["unknown segmenter key", `${llm}\n${tts}\nsegmenter: { maxLen: 50 }`, /segmenter\.maxLen: unknown key/],
    ["llm without use", `llm: { options: {} }\n${tts}`, /llm\.use: expected string, but it is missing/],
    ["use is empty", `llm: { use: "" }\n${tts}`, /llm\.use: Too small/],
    ["unknown key beside use", `llm: { use: "@voxpipe/core/testing#scriptedLlm", option: {} }\n${tts}`, /llm\.option: unknown key/],
    ["tts as a string", `${llm}\ntts: "@voxpipe/tts-espeak"`, /tts: /],
    ["empty tts list", `${llm}\ntts: []`, /tts/],
    ["bad log level", `${llm}\n${tts}\nlog: { level: loud }`, /log\.level: expected one of/],
    ["unknown adapter package", `llm: { use: "@voxpipe/llm-nonexistent" }\n${tts}`, /llm\.use: cannot find the adapter package "@voxpipe\/llm-nonexistent".*@voxpipe\/llm-llama-cpp/s],
    ["a TTS adapter under llm", `llm: { use: "@voxpipe/core/testing#syntheticTts" }\n${tts}`, /llm\.use: .* is a tts adapter, but llm needs a llm adapter/],
    ["a named export that does not exist", `llm: { use: "@voxpipe/core/testing#nope" }\n${tts}`, /has no adapter as its export "nope"\. Its adapter exports are: #scriptedLlm, #syntheticTts/],
    ["adapter option missing", `llm: { use: "@voxpipe/core/testing#scriptedLlm" }\n${tts}`, /llm\.options\.text: expected string, but it is missing/],
    ["adapter option out of range", `${llm}\ntts: { use: "@voxpipe/core/testing#syntheticTts", options: { sampleRate: -5 } }`, /tts\.options\.sampleRate: Too small/],
    ["unknown adapter option", `${llm}\ntts: { use: "@voxpipe/core/testing#syntheticTts", options: { pitch: 2 } }`, /tts\.options\.pitch: unknown key/],
    ["second fallback invalid", `${llm}\ntts: [{ use: "@voxpipe/core/testing#syntheticTts" }, { use: "@voxpipe/core/testing#syntheticTts", options: { chunkMs: "x" } }]`, /tts\.1\.options\.chunkMs: expected number, received string/],
    ["YAML syntax error", "llm: { use: [unclosed", /not valid YAML/],
    ["top level is a list", "- a\n- b", /expected a mapping of keys/],
    ["JSON syntax error", '{ "llm": ', /not valid JSON/, "json"],
  ];
  for (const [name, text, expected, ext] of cases) {
    it(name, async () => {
      const error = await failure(text, ext);
      expect(error.message).toMatch(expected);
    });
  }

  it("every problem is reported at once, with the file name", async () => {
    const error = await failure(`${llm}\n${tts}\npipeline: { mode: fast, ttsConcurrency: 0 }\nsegmenter: { maxLen: 3 }`);
    expect(error.issues.length).toBe(3);
    expect(error.message).toContain(dir);
  });

  it("a missing file names the path", async () => {
    await expect(loadConfig(path.join(dir, "missing.yaml"))).rejects.toThrow(/Config file not found: .*missing\.yaml/);
  });

  it("a bad environment override names the variable", async () => {
    await expect(loadConfig(file(`${llm}\n${tts}`), { env: { RETURN_FRAGMENT: "maybe" } })).rejects.toThrow(/RETURN_FRAGMENT: expected true or false, received "maybe"/);
    await expect(loadConfig(file(`${llm}\n${tts}`), { env: { TTS_MAX_SEGMENT_LENGTH: "5" } })).rejects.toThrow(/segmenter\.minLength: minLength must not exceed maxLength/);
  });
});

describe("loadConfig: valid configs", () => {
  it("fills defaults", async () => {
    const { config } = await loadConfig(file(`${llm}\n${tts}`), { env: {} });
    expect(config.pipeline).toMatchObject({ mode: "streaming", ttsConcurrency: 2, fragments: { enabled: false, intervalMs: 300 } });
    expect(config.segmenter).toMatchObject({ minLength: 20, maxLength: 100 });
  });

  it("accepts the seed pipeline's environment names", async () => {
    const env = { LLM_ENABLE_STREAMING: "false", ENABLE_INTERNAL_SEGMENTATION: "false", TTS_MAX_SEGMENT_LENGTH: "80", TTS_MIN_SEGMENT_LENGTH: "10", RETURN_FRAGMENT: "true", FRAGMENT_INTERVAL: "0.5" };
    const { config, envApplied } = await loadConfig(file(`${llm}\n${tts}`), { env });
    expect(config.pipeline.mode).toBe("whole");
    expect(config.segmenter).toMatchObject({ enabled: false, maxLength: 80, minLength: 10 });
    expect(config.pipeline.fragments).toEqual({ enabled: true, intervalMs: 500 });
    expect(envApplied).toHaveLength(6);
  });

  it("reads JSON too, and defaults to the embedded backends", async () => {
    const { config } = await loadConfig(file("{}", "json"), { env: {} });
    expect(config.llm.use).toBe("@voxpipe/llm-llama-cpp");
    expect(config.tts).toEqual({ use: "@voxpipe/tts-espeak", options: {} });
  });

  it("resolves adapters and validates their options with defaults", async () => {
    const loaded = await loadConfig(file(`${llm}\n${tts}`), { env: {} });
    const resolved = await resolveAdapters(loaded.config, { searchFrom: [coreDir] });
    expect(resolved.llm.definition.kind).toBe("llm");
    expect(resolved.tts[0]?.options).toMatchObject({ sampleRate: 24000 });
  });
});
