import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../config/load-config.js";
import { ConfigError } from "../errors/voxpipe-error.js";
import { createTtsProviders } from "./create-tts-providers.js";

const coreDir = path.resolve(import.meta.dirname, "../..");
const context = { configDir: coreDir, env: {}, log: () => {} };

describe("createTtsProviders", () => {
  it("creates the failover list in order and never loads the config's LLM", async () => {
    const config = validateConfig(
      {
        llm: { use: "voxpipe-llm-that-is-not-installed" },
        tts: [
          { use: "@voxpipe/core/testing#syntheticTts", options: { voice: "first", sampleRate: 16000 } },
          { use: "@voxpipe/core/testing#syntheticTts", options: { voice: "second" } },
        ],
      },
      "test config",
    );
    const { adapters, providers } = await createTtsProviders(config, { searchFrom: [coreDir], context });
    expect(adapters.map((a) => a.key)).toEqual(["tts.0", "tts.1"]);
    expect(providers.map((p) => p.voice)).toEqual(["first", "second"]);
    expect(providers[0]?.format.sampleRate).toBe(16000);
  });

  it("reports every bad TTS entry at once, with its key path", async () => {
    const config = validateConfig(
      { tts: [{ use: "@voxpipe/core/testing#syntheticTts", options: { sampelRate: 1 } }, { use: "@voxpipe/core/testing#scriptedLlm" }] },
      "test config",
    );
    const error = await createTtsProviders(config, { searchFrom: [coreDir], context }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.join("\n");
    expect(issues).toMatch(/tts\.0\.options.*sampelRate/);
    expect(issues).toMatch(/tts\.1\.use.*is a llm adapter/);
  });
});
