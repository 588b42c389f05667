import { existsSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../errors/voxpipe-error.js";
import { configSchema, type VoxpipeConfig } from "./config-schema.js";
import { applyEnvOverrides } from "./env-overrides.js";
import { formatIssues, type IssueSources } from "./format-issues.js";
import { parseConfigText } from "./parse-config-text.js";
import { readConfigFile } from "./read-config-file.js";

export { parseConfigText } from "./parse-config-text.js";

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

/** A config file read and parsed, with environment overrides written in, not yet validated. */
export interface RawConfig {
  /** The file read, or undefined when the defaults are used. */
  file: string | undefined;
  /** How messages name the source: the file, or "default config". */
  source: string;
  configDir: string;
  /** The config object with environment overrides applied. */
  raw: Record<string, unknown>;
  envApplied: string[];
  /** Key paths set by environment variables, so their messages name the variable. */
  envSources: IssueSources;
  /** Environment variables whose text could not be read. */
  envIssues: string[];
}

/** Finds, reads and parses the config (`file`, or the working directory's `voxpipe.config.*`, or none) and applies environment overrides. */
export async function readRawConfig(file?: string, options: LoadConfigOptions = {}): Promise<RawConfig> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  let resolved: string | undefined;
  if (file) {
    resolved = path.resolve(cwd, file);
    if (!existsSync(resolved)) throw new ConfigError(`Config file not found: ${resolved}. Check the path, or run without --config to use the defaults.`, [`${resolved}: not found`]);
  } else {
    resolved = defaultConfigFileNames.map((name) => path.join(cwd, name)).find((candidate) => existsSync(candidate));
  }
  const parsed = resolved ? parseConfigText(await readConfigFile(resolved), resolved) : {};
  const { config, applied, sources, issues } = applyEnvOverrides(parsed, env);
  return { file: resolved, source: resolved ?? "default config", configDir: resolved ? path.dirname(resolved) : cwd, raw: config, envApplied: applied, envSources: sources, envIssues: issues };
}

/** Every problem of a raw config against core's schema, as lines that name the key (or the environment variable), what was expected and what was found. */
export function configIssues(raw: Record<string, unknown>, envSources: IssueSources = new Map()): { config: VoxpipeConfig | undefined; issues: string[] } {
  const result = configSchema.safeParse(raw, { reportInput: true });
  if (result.success) return { config: result.data, issues: [] };
  return { config: undefined, issues: formatIssues(result.error.issues, { sources: envSources }) };
}

/** One ConfigError listing every problem, under the file's name. */
export function invalidConfig(source: string, issues: readonly string[]): ConfigError {
  return new ConfigError(`${source}: invalid config:\n${issues.map((i) => `  - ${i}`).join("\n")}`, issues);
}

/** Validates a raw config object against core's schema; throws a ConfigError listing every problem. */
export function validateConfig(raw: Record<string, unknown>, source: string, envSources?: IssueSources): VoxpipeConfig {
  const { config, issues } = configIssues(raw, envSources);
  if (!config) throw invalidConfig(source, issues);
  return config;
}

/**
 * Loads `file` (or the first `voxpipe.config.{yaml,yml,json}` in the working
 * directory, or the defaults), applies environment overrides and validates
 * against core's schema. `loadResolvedConfig` also checks each adapter's
 * options, in the same pass.
 */
export async function loadConfig(file?: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const read = await readRawConfig(file, options);
  const { config, issues } = configIssues(read.raw, read.envSources);
  if (!config || read.envIssues.length > 0) throw invalidConfig(read.source, [...read.envIssues, ...issues]);
  return { config, file: read.file, configDir: read.configDir, envApplied: read.envApplied };
}

/** How messages name a config given as an object from code, where a file's name would be. */
export const CONFIG_OBJECT_SOURCE = "(config object)";

/**
 * A config given as an object (from code, no file), checked to be an object and
 * with environment overrides applied, as `readRawConfig` gives a file's
 * contents: its messages name "(config object)" in place of a file, and
 * relative paths and adapter specifiers resolve from `cwd`.
 */
export function rawConfigObject(object: unknown, options: LoadConfigOptions = {}): RawConfig {
  const cwd = options.cwd ?? process.cwd();
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    const found = object === null ? "null" : Array.isArray(object) ? "a list" : typeof object;
    throw new ConfigError(`${CONFIG_OBJECT_SOURCE}: expected an object of keys (llm, tts, segmenter, pipeline, conversation, output, log), received ${found}.`, ["(top level): expected an object"]);
  }
  const { config, applied, sources, issues } = applyEnvOverrides(object as Record<string, unknown>, options.env ?? process.env);
  return { file: undefined, source: CONFIG_OBJECT_SOURCE, configDir: cwd, raw: config, envApplied: applied, envSources: sources, envIssues: issues };
}

/**
 * Validates a config given as an object exactly as `loadConfig` does a file's
 * contents: environment overrides applied, the same schema, every problem
 * listed under "(config object)". `loadResolvedConfig(undefined, { config })`
 * also checks each adapter's options, in the same pass.
 */
export function loadConfigObject(object: unknown, options: LoadConfigOptions = {}): LoadedConfig {
  const read = rawConfigObject(object, options);
  const { config, issues } = configIssues(read.raw, read.envSources);
  if (!config || read.envIssues.length > 0) throw invalidConfig(read.source, [...read.envIssues, ...issues]);
  return { config, file: undefined, configDir: read.configDir, envApplied: read.envApplied };
}
