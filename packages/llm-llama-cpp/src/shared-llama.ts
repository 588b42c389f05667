import { VoxpipeError } from "@voxpipe/core";
import type { Llama, LlamaLogLevel } from "node-llama-cpp";

/** Receives llama.cpp's log lines (warnings and errors). */
export type LlamaLogListener = (level: "warn" | "error", message: string) => void;

const listeners = new Set<LlamaLogListener>();
const instances = new Map<string, Promise<Llama>>();

/** Subscribes to llama.cpp's log lines; returns the unsubscribe function. */
export function onLlamaLog(listener: LlamaLogListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function dispatch(level: LlamaLogLevel, message: string): void {
  const text = message.trim();
  if (!text) return;
  const kind = level === "error" || level === "fatal" ? "error" : "warn";
  for (const listener of listeners) listener(kind, text);
}

/**
 * The process-wide llama.cpp binding for a GPU/build choice, loaded on first
 * use and kept for the life of the process. llama.cpp's logger and backend
 * are global, so one instance is shared by every provider (models and
 * contexts stay per provider and are freed by its `dispose`).
 */
export function sharedLlama(gpu: "auto" | false, build: "never" | "auto"): Promise<Llama> {
  const key = `${gpu}:${build}`;
  let instance = instances.get(key);
  if (!instance) {
    instance = loadLlama(gpu, build);
    instances.set(key, instance);
    instance.catch(() => instances.delete(key));
  }
  return instance;
}

async function loadLlama(gpu: "auto" | false, build: "never" | "auto"): Promise<Llama> {
  const { getLlama, LlamaLogLevel } = await import("node-llama-cpp");
  try {
    return await getLlama({ gpu, build, logLevel: LlamaLogLevel.warn, logger: dispatch, progressLogs: false });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const hint = build === "never"
      ? `No prebuilt llama.cpp binary works on this machine (${process.platform}-${process.arch}${gpu === "auto" ? ", GPU auto" : ", CPU"}). Reinstall with \`npm i node-llama-cpp@3.21.1\` so its prebuilt binaries are present, try \`gpu: false\`, or set \`build: "auto"\` to compile llama.cpp from source (needs cmake and a C++ compiler; takes minutes).`
      : "Building llama.cpp from source failed; check that cmake and a C++ compiler are installed, or set `gpu: false`.";
    throw new VoxpipeError({
      code: "llm-backend-unavailable",
      stage: "llm",
      message: `llama-cpp: could not start llama.cpp${name ? ` (${name})` : ""}: ${error instanceof Error ? error.message : String(error)}. ${hint}`,
      cause: error,
    });
  }
}
