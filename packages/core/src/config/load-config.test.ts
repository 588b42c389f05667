import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors/voxpipe-error.js";
import { resolveAdapters } from "../registry/create-providers.js";
import { configJsonSchema } from "./config-json-schema.js";
import { loadConfig, loadConfigObject } from "./load-config.js";
import { loadResolvedConfig } from "./load-resolved-config.js";

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
    await loadResolvedConfig(file(text, ext), { env, searchFrom: [coreDir] });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

const llm = 'llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Hi." } }';
const tts = 'tts: { use: "@voxpipe/core/testing#syntheticTts" }';

describe("loadResolvedConfig: malformed configs name the key, what was expected and what was found", () => {
  const cases: [string, string, string][] = [
    ["adapter option of the wrong type", `${llm}\ntts: { use: "@voxpipe/core/testing#syntheticTts", options: { voice: 3 } }`, "tts.options.voice: expected a string, received 3"],
    ["unknown top-level key", `${llm}\n${tts}\nllms: {}`, "llms: unknown key (check the spelling; see the README for the keys allowed here)"],
    ["unknown key in pipeline", `${llm}\n${tts}\npipeline: { concurrency: 2 }`, "pipeline.concurrency: unknown key (check the spelling; see the README for the keys allowed here)"],
    ["bad mode", `${llm}\n${tts}\npipeline: { mode: fast }`, 'pipeline.mode: expected one of "streaming", "whole", received "fast"'],
    ["concurrency zero", `${llm}\n${tts}\npipeline: { ttsConcurrency: 0 }`, "pipeline.ttsConcurrency: expected a number of at least 1, received 0"],
    ["concurrency not an integer", `${llm}\n${tts}\npipeline: { ttsConcurrency: 1.5 }`, "pipeline.ttsConcurrency: expected a whole number, received 1.5"],
    ["concurrency as a string", `${llm}\n${tts}\npipeline: { ttsConcurrency: "two" }`, 'pipeline.ttsConcurrency: expected a number, received "two"'],
    ["fragments interval too small", `${llm}\n${tts}\npipeline: { fragments: { enabled: true, intervalMs: 5 } }`, "pipeline.fragments.intervalMs: expected a number of at least 20, received 5"],
    ["fragments enabled not boolean", `${llm}\n${tts}\npipeline: { fragments: { enabled: "yes" } }`, 'pipeline.fragments.enabled: expected true or false, received "yes"'],
    ["playout lead as a word other than auto", `${llm}\n${tts}\npipeline: { playout: { lead: "long" } }`, 'pipeline.playout.lead: expected "auto" or a whole number of ms from 0 to 10000, received "long"'],
    ["negative playout lead", `${llm}\n${tts}\npipeline: { playout: { lead: -5 } }`, "pipeline.playout.lead: expected a number of at least 0, received -5"],
    ["minLength above maxLength", `${llm}\n${tts}\nsegmenter: { minLength: 80, maxLength: 40 }`, "segmenter.maxLength: maxLength (40) is below minLength (80); give a maxLength of at least 80, or lower minLength to 40 or less"],
    ["negative minLength", `${llm}\n${tts}\nsegmenter: { minLength: -1 }`, "segmenter.minLength: expected a number of at least 0, received -1"],
    ["unknown segmenter key", `${llm}\n${tts}\nsegmenter: { maxLen: 50 }`, "segmenter.maxLen: unknown key (check the spelling; see the README for the keys allowed here)"],
    ["llm without use", `llm: { options: {} }\n${tts}`, "llm.use: expected a string, but it is missing"],
    ["use is empty", `llm: { use: "" }\n${tts}`, 'llm.use: expected a string of at least 1 character, received ""'],
    ["unknown key beside use", `llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Hi." }, option: {} }\n${tts}`, "llm.option: unknown key (check the spelling; see the README for the keys allowed here)"],
    ["tts as a string", `${llm}\ntts: "@voxpipe/tts-espeak"`, 'tts: expected a backend ({ use, options }) or a list of them, received "@voxpipe/tts-espeak"'],
    ["empty tts list", `${llm}\ntts: []`, "tts: expected a list of at least 1 item, received a list of 0 items"],
    ["bad log level", `${llm}\n${tts}\nlog: { level: loud }`, 'log.level: expected one of "silent", "error", "warn", "info", "debug", received "loud"'],
    ["adapter option missing", `llm: { use: "@voxpipe/core/testing#scriptedLlm" }\n${tts}`, "llm.options.text: expected a string, but it is missing"],
    ["adapter option out of range", `${llm}\ntts: { use: "@voxpipe/core/testing#syntheticTts", options: { sampleRate: -5 } }`, "tts.options.sampleRate: expected a number above 0, received -5"],
    ["unknown adapter option", `${llm}\ntts: { use: "@voxpipe/core/testing#syntheticTts", options: { pitch: 2 } }`, "tts.options.pitch: unknown key (check the spelling; see the README for the keys allowed here)"],
    ["__proto__ inside adapter options", `${llm}\ntts: { use: "@voxpipe/core/testing#syntheticTts", options: { __proto__: { sampleRate: 8000 } } }`, "tts.options.__proto__: unknown key (check the spelling; see the README for the keys allowed here)"],
    ["second fallback invalid", `${llm}\ntts: [{ use: "@voxpipe/core/testing#syntheticTts" }, { use: "@voxpipe/core/testing#syntheticTts", options: { chunkMs: "x" } }]`, 'tts.1.options.chunkMs: expected a number, received "x"'],
    ["a secret-looking option is not quoted", `llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Hi.", apiKey: "sk-live-123456" } }\n${tts}`, "llm.options.apiKey: unknown key (check the spelling; see the README for the keys allowed here)"],
  ];
  for (const [name, text, line] of cases) {
    it(name, async () => {
      const error = await failure(text);
      expect(error.issues).toEqual([line]);
      expect(error.message).toBe(`${path.join(dir, `config-${n - 1}.yaml`)}: invalid config:\n  - ${line}`);
    });
  }

  it.each([
    ["unknown adapter package", `llm: { use: "@voxpipe/llm-nonexistent" }\n${tts}`, /llm\.use: cannot find the adapter package "@voxpipe\/llm-nonexistent".*@voxpipe\/llm-llama-cpp/s],
    ["a TTS adapter under llm", `llm: { use: "@voxpipe/core/testing#syntheticTts" }\n${tts}`, /llm\.use: .* is a tts adapter, but llm needs a llm adapter/],
    ["a named export that does not exist", `llm: { use: "@voxpipe/core/testing#nope" }\n${tts}`, /has no adapter as its export "nope"\. Its adapter exports are: #scriptedLlm, #syntheticTts/],
    ["YAML syntax error", "llm: { use: [unclosed", /not valid YAML/],
    ["top level is a list", "- a\n- b", /expected a mapping of keys/],
  ])("%s", async (_name, text, expected) => {
    expect((await failure(text)).message).toMatch(expected);
  });

  it("JSON syntax error", async () => {
    expect((await failure('{ "llm": ', "json")).message).toMatch(/not valid JSON/);
  });

  it("every problem is reported in one pass: core's keys and each adapter's options, under the file's name", async () => {
    const error = await failure(
      `llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: 5 } }\n` +
        `tts: [{ use: "@voxpipe/core/testing#syntheticTts", options: { voice: 3 } }, { use: "@voxpipe/core/testing#syntheticTts", options: { pitch: 1 } }]\n` +
        "pipeline: { mode: fast, ttsConcurrency: 0 }\nsegmenter: { maxLen: 3 }",
    );
    expect(error.issues).toEqual([
      "segmenter.maxLen: unknown key (check the spelling; see the README for the keys allowed here)",
      'pipeline.mode: expected one of "streaming", "whole", received "fast"',
      "pipeline.ttsConcurrency: expected a number of at least 1, received 0",
      "llm.options.text: expected a string, received 5",
      "tts.0.options.voice: expected a string, received 3",
      "tts.1.options.pitch: unknown key (check the spelling; see the README for the keys allowed here)",
    ]);
    expect(error.message.startsWith(`${path.join(dir, `config-${n - 1}.yaml`)}: invalid config:\n`)).toBe(true);
  });

  it("server.voices maps request voice names to backend voices, in the JSON Schema and checked in the same pass", async () => {
    const loaded = loadConfigObject({ server: { voices: { alloy: "en-us", narrator: "en-gb+m3" } } }, { env: {} });
    expect(loaded.config.server.voices).toEqual({ alloy: "en-us", narrator: "en-gb+m3" });
    expect(loadConfigObject({}, { env: {} }).config.server.voices).toEqual({});
    const error = await failure(`llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Hi." } }\ntts: { use: "@voxpipe/core/testing#syntheticTts" }\nserver: { voices: { alloy: 3, narrator: "" }, port: -1 }`);
    expect(error.issues).toEqual([
      "server.port: expected a number of at least 0, received -1",
      "server.voices.alloy: expected a string, received 3",
      "server.voices.narrator: expected a string of at least 1 character, received \"\"",
    ]);
    const schema = configJsonSchema() as { properties: { server: { properties: { voices: { type: string; additionalProperties: { type: string }; description: string } } } } };
    expect(schema.properties.server.properties.voices).toMatchObject({ type: "object", additionalProperties: { type: "string" } });
    expect(schema.properties.server.properties.voices.description).toMatch(/OpenAI voice name/);
  });

  it("a missing file names the path", async () => {
    await expect(loadConfig(path.join(dir, "missing.yaml"))).rejects.toThrow(/Config file not found: .*missing\.yaml/);
  });
});

describe("loadConfig: valid configs", () => {
  it("fills defaults", async () => {
    const { config } = await loadConfig(file(`${llm}\n${tts}`), { env: {} });
    expect(config.pipeline).toMatchObject({ mode: "streaming", ttsConcurrency: 2, fragments: { enabled: false, intervalMs: 300 } });
    expect(config.segmenter).toMatchObject({ minLength: 20, maxLength: 100 });
  });

  it("accepts PrimeSpeech's environment names", async () => {
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

describe("loadConfigObject", () => {
  it("validates a config object with the file's schema and defaults", () => {
    const loaded = loadConfigObject({ conversation: { system: "Be brief." }, output: { sampleRate: 48000 } }, { env: {} });
    expect(loaded.file).toBeUndefined();
    expect(loaded.config.conversation).toEqual({ system: "Be brief.", maxTurns: 20, maxChars: 8000 });
    expect(loaded.config.output).toEqual({ sampleRate: 48000 });
    expect(loaded.config.pipeline.mode).toBe("streaming");
  });

  it('names "(config object)" where a file name would be, with every problem', () => {
    const bad = (): unknown => loadConfigObject({ output: { sampleRate: 100 }, segmenter: { maxLenght: 3 } }, { env: {} });
    expect(bad).toThrow(/^\(config object\): invalid config:\n/);
    expect(bad).toThrow(/output\.sampleRate: expected a number of at least 8000, received 100/);
    expect(bad).toThrow(/segmenter\.maxLenght: unknown key/);
    expect(() => loadConfigObject(["llm"], { env: {} })).toThrow(/\(config object\): expected an object .* received a list/);
  });
});

describe("loadResolvedConfig from a config object", () => {
  it("checks the adapters' options in the same pass, under \"(config object)\"", async () => {
    const config = { llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "x", bogus: 1 } }, pipeline: { mode: "fast" } };
    const failure = loadResolvedConfig(undefined, { config, env: {}, searchFrom: [coreDir] });
    await expect(failure).rejects.toThrow(/^\(config object\): invalid config:\n/);
    await expect(failure).rejects.toThrow(/llm\.options\.bogus/);
    await expect(failure).rejects.toThrow(/pipeline\.mode/);
    const valid = { llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "x" } }, tts: { use: "@voxpipe/core/testing#syntheticTts" } };
    const loaded = await loadResolvedConfig(undefined, { config: valid, env: {}, searchFrom: [coreDir] });
    expect(loaded.adapters.llm.definition.kind).toBe("llm");
    await expect(loadResolvedConfig("voxpipe.config.yaml", { config: {} })).rejects.toThrow(/not both/);
  });
});
