import type { z } from "zod";
import { createProgressDisplay } from "../logging/progress-display.js";
import type { ProgressUpdate } from "../logging/progress-update.js";
import type { LlmProvider } from "../llm/llm-provider.js";
import type { TtsProvider } from "../tts/tts-provider.js";

const marker = Symbol.for("voxpipe.adapter");

/** The two kinds of backend an adapter can provide. */
export type AdapterKind = "llm" | "tts";

/** What `create` gets besides its validated options. */
export interface AdapterContext {
  /** Folder of the config file that named this adapter; relative paths in options resolve from here. */
  configDir: string;
  /** The environment (defaults to `process.env`); adapters read keys and model folders from here, never at import time. */
  env: Readonly<Record<string, string | undefined>>;
  /** Where adapters report what they do (downloads, loading) and warnings. */
  log: (level: "debug" | "info" | "warn", message: string) => void;
  /**
   * Shows a long task's progress at the default log level: a bar on a terminal,
   * a line every few seconds otherwise. Optional: a host may not have it, so
   * report through `startProgress` from `@voxpipe/core`, which falls back to `log`.
   */
  progress?: (update: ProgressUpdate) => void;
}

type ProviderOf<K extends AdapterKind> = K extends "llm" ? LlmProvider : TtsProvider;

/** An adapter definition: what a package's default export is. */
export interface AdapterDefinition<K extends AdapterKind = AdapterKind, Schema extends z.ZodType = z.ZodType> {
  readonly kind: K;
  /** Short id, e.g. `llama-cpp`. */
  readonly id: string;
  /** One-line description shown in listings and errors. */
  readonly description?: string;
  /** zod schema for `options`, with defaults and descriptions. Mark keys, tokens and header values with `secret()` (from `@voxpipe/core/adapter-kit`) so they are masked everywhere. */
  readonly optionsSchema: Schema;
  /** Builds a provider from validated options. May be async; must not load heavy resources eagerly unless needed to know `format`. */
  create(options: z.output<Schema>, context: AdapterContext): ProviderOf<K> | Promise<ProviderOf<K>>;
}

/**
 * Declares an adapter. Use it as a package's default export; it has no side
 * effects, so importing an adapter never loads a model or opens a socket.
 */
export function defineAdapter<K extends AdapterKind, Schema extends z.ZodType>(
  definition: AdapterDefinition<K, Schema>,
): AdapterDefinition<K, Schema> {
  return Object.freeze(Object.assign(Object.create(null) as object, definition, { [marker]: true })) as AdapterDefinition<K, Schema>;
}

export function isAdapterDefinition(value: unknown): value is AdapterDefinition {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}

/**
 * The context an adapter factory gets when called directly from code rather
 * than through a config: the working directory, the process environment, and
 * warnings and progress on stderr.
 */
export function defaultAdapterContext(): AdapterContext {
  const display = createProgressDisplay({ prefix: "" });
  return {
    configDir: process.cwd(),
    env: process.env,
    log: (level, message) => {
      if (level === "debug") return;
      display.interrupt();
      console.error(message);
    },
    progress: (update) => display.update(update),
  };
}
