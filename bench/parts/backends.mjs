// Part 9 — each local backend on its own: load time, time to first token or
// audio, and speed (tokens per second with 1 and 2 threads for llama.cpp;
// real-time factor for the TTS engines). Calls the backends' own benchmark
// scripts (bench/llama-cpp.mjs, bench/tts-espeak.mjs, bench/tts-piper.mjs,
// bench/tts-kokoro.mjs on the test model it generates);
// a backend that cannot run here is reported as skipped.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { benchDir, repoRoot } from "../lib/paths.mjs";

const backends = [
  { key: "llamaCpp", script: "llama-cpp.mjs", fn: "benchLlamaCpp", dist: "packages/llm-llama-cpp/dist/index.js", needsModels: true },
  { key: "espeak", script: "tts-espeak.mjs", fn: "benchEspeak", dist: "packages/tts-espeak/dist/index.js", needsModels: false },
  { key: "piper", script: "tts-piper.mjs", fn: "benchPiper", dist: "packages/tts-piper/dist/index.js", needsModels: true },
  { key: "kokoro", script: "tts-kokoro.mjs", fn: "benchKokoro", dist: "packages/tts-kokoro/dist/index.js", needsModels: false },
];

export async function run({ quick, log }) {
  const result = {};
  for (const backend of backends) {
    if (!existsSync(join(repoRoot, backend.dist))) {
      result[backend.key] = { skipped: `${backend.dist} is not built` };
      continue;
    }
    if (backend.needsModels && !process.env.VOXPIPE_MODELS_DIR) {
      result[backend.key] = { skipped: "VOXPIPE_MODELS_DIR is not set" };
      continue;
    }
    const module = await import(pathToFileURL(join(benchDir, backend.script)).href);
    try {
      result[backend.key] = await module[backend.fn]({ quick });
      log(`${backend.key}: ${JSON.stringify(result[backend.key])}`);
    } catch (error) {
      result[backend.key] = { skipped: error instanceof Error ? error.message.split("\n")[0] : String(error) };
    }
  }
  return result;
}
