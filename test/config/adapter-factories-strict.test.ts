import { ConfigError } from "@voxpipe/core";
import { createScriptedLlm, createSyntheticTts } from "@voxpipe/core/testing";
import { createLlamaCppLlm } from "@voxpipe/llm-llama-cpp";
import { createOllamaLlm } from "@voxpipe/llm-ollama";
import { createOpenAiLlm } from "@voxpipe/llm-openai";
import { createEspeakTts } from "@voxpipe/tts-espeak";
import { createGptSovitsTts } from "@voxpipe/tts-gpt-sovits";
import { createKokoroTts } from "@voxpipe/tts-kokoro";
import { createOpenAiTts } from "@voxpipe/tts-openai";
import { createPiperTts } from "@voxpipe/tts-piper";
import { describe, expect, it } from "vitest";

const unknownKey = (key: string) => `${key}: unknown key (check the spelling; see the README for the keys allowed here)`;

/** Each first-party factory with valid options plus one misspelt key. */
const factories: [string, () => unknown][] = [
  ["@voxpipe/llm-ollama", () => createOllamaLlm({ model: "llama3.2", hots: "http://127.0.0.1:11434" } as never)],
  ["@voxpipe/llm-openai", () => createOpenAiLlm({ model: "gpt-4o-mini", apiKey: "sk-test", baseUrl: "http://127.0.0.1:1/v1" } as never)],
  ["@voxpipe/llm-llama-cpp", () => createLlamaCppLlm({ modle: "stories260K.gguf" } as never)],
  ["@voxpipe/tts-espeak", () => createEspeakTts({ voice: "en-us", pich: 50 } as never)],
  ["@voxpipe/tts-openai", () => createOpenAiTts({ apiKey: "sk-test", vioce: "alloy" } as never, { env: {} })],
  ["@voxpipe/tts-gpt-sovits", () => createGptSovitsTts({ refAudioPath: "ref.wav", promtText: "hello" } as never)],
  ["@voxpipe/tts-piper", () => createPiperTts({ model: "voice.onnx", speeker: 1 } as never)],
  ["@voxpipe/tts-kokoro", () => createKokoroTts({ model: "model.onnx", vioce: "af_heart" } as never)],
  ["@voxpipe/core/testing#scriptedLlm", () => createScriptedLlm({ text: "Hi.", tokenPerSecond: 10 } as never)],
  ["@voxpipe/core/testing#syntheticTts", () => createSyntheticTts({ sampleRat: 8000 } as never)],
];
const misspelt: Record<string, string> = {
  "@voxpipe/llm-ollama": "hots",
  "@voxpipe/llm-openai": "baseUrl",
  "@voxpipe/llm-llama-cpp": "modle",
  "@voxpipe/tts-espeak": "pich",
  "@voxpipe/tts-openai": "vioce",
  "@voxpipe/tts-gpt-sovits": "promtText",
  "@voxpipe/tts-piper": "speeker",
  "@voxpipe/tts-kokoro": "vioce",
  "@voxpipe/core/testing#scriptedLlm": "tokenPerSecond",
  "@voxpipe/core/testing#syntheticTts": "sampleRat",
};

describe("every adapter factory rejects an unknown option, as the config does", () => {
  it.each(factories)("%s", async (adapter, create) => {
    const error = await Promise.resolve()
      .then(create)
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(ConfigError);
    const key = misspelt[adapter] as string;
    expect((error as ConfigError).issues).toEqual([unknownKey(key)]);
    expect((error as Error).message).toBe(`${adapter}: invalid options:\n  - ${unknownKey(key)}`);
  });

  it("a __proto__ key given from code is an unknown key too", () => {
    const options = JSON.parse('{ "model": "llama3.2", "__proto__": { "host": "http://elsewhere" } }') as never;
    expect(() => createOllamaLlm(options)).toThrow(unknownKey("__proto__"));
  });
});
