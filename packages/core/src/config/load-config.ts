import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { ConfigError } from "../errors/voxpipe-error.js";
import { configSchema, type VoxpipeConfig } from "./config-schema.js";
import { applyEnvOverrides } from "./env-overrides.js";
import { formatIssues } from "./format-issues.js";

/** File names looked for in the working directory when no config file is given. */
export const defaultConfigFileNames = ["voxpipe.config.yaml", "voxpipe.config.yml", "voxpipe.config.json"] as const;

/** A validated config and where it came from. */
export interface LoadedConfig {
  config: VoxpipeConfig;
  /** The file read, or undefined when the defaults were used. */
  file: string | undefined;
  /** Folder that relative paths and adapter specifiers resolve from. */
  configDir: string;
  /** Environment overrides that were applied, e.g. `RETURN_FRAGMENT → pipeline.fragments.enabled`. */
  envApplied: string[];
}

export interface LoadConfigOptions {
  /** Working directory (default `process.cwd()`). */
  cwd?: string;
  /** Environment for overrides (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Parses the text of a config file (YAML or JSON) into a plain object, with errors that name the file and line. */
export function parseConfigText(text: string, file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = file.endsWith(".json") ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message : error instanceof Error ? error.message : String(error);
    throw new ConfigError(`${file}: not valid ${file.endsWith(".json") ? "JSON" : "YAML"}: ${detail}`, [detail], error);
  }
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new ConfigError(`${file}: expected a mapping of keys (llm, tts, segmenter, pipeline, log), received ${Array.isArray(raw) ? "a list" : typeof raw}.`, ["(top level): expected an object"]);
  }
  return raw as Record<string, unknown>;
}

/** Validates a raw config object; throws a ConfigError listing every problem. */
export function validateConfig(raw: Record<string, unknown>, source: string): VoxpipeConfig {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const issues = formatIssues(result.error.issues);
  throw new ConfigError(`${source}: invalid config:\n${issues.map((i) => `  - ${i}`).join("\n")}`, issues);
}

/**
 * Loads `file` (or the first `voxpipe.config.{yaml,yml,json}` in the working
 * directory, or the defaults), applies environment overrides and validates.
 */
export async function loadConfig(file?: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  let resolved: string | undefined;
  if (file) {
    resolved = path.resolve(cwd, file);
    if (!existsSync(resolved)) throw new ConfigError(`Config file not found: ${resolved}. Check the path, or run without --config to use the defaults.`, [`${resolved}: not found`]);
  } else {
    resolved = defaultConfigFileNames.map((name) => path.join(cwd, name)).find((candidate) => existsSync(candidate));
  }
  const raw = resolved ? parseConfigText(await readFile(resolved, "utf8"), resolved) : {};
  const { config, applied } = applyEnvOverrides(raw, env);
  return {
    config: validateConfig(config, resolved ?? "default config"),
    file: resolved,
    configDir: resolved ? path.dirname(resolved) : cwd,
    envApplied: applied,
  };
}
