import { ConfigError } from "../errors/voxpipe-error.js";
import { checkAdapters, type ResolvedAdapters } from "../registry/create-providers.js";
import { configIssues, invalidConfig, rawConfigObject, readRawConfig, type LoadConfigOptions, type LoadedConfig } from "./load-config.js";

export interface LoadResolvedConfigOptions extends LoadConfigOptions {
  /** Folders adapter specifiers resolve from, after the config's own folder (e.g. the working directory, voxpipe's installation). */
  searchFrom?: readonly string[];
  /** The config as an object instead of a file (`file` must then be undefined); messages name "(config object)". */
  config?: unknown;
}

/** A validated config with its adapters found and their options validated. */
export interface ResolvedConfig extends LoadedConfig {
  adapters: ResolvedAdapters;
}

/**
 * Loads a config as `loadConfig` does and, in the same pass, loads each
 * adapter it names and validates its options: one ConfigError lists every
 * problem (core's keys, environment variables, each adapter's options), each
 * with its key path, what was expected and what was found, under the file's
 * name.
 */
export async function loadResolvedConfig(file?: string, options: LoadResolvedConfigOptions = {}): Promise<ResolvedConfig> {
  if (options.config !== undefined && file !== undefined) {
    throw new ConfigError("Give either a config object or a config file, not both.", ["config, configFile: both given"]);
  }
  const read = options.config !== undefined ? rawConfigObject(options.config, options) : await readRawConfig(file, options);
  const core = configIssues(read.raw, read.envSources);
  const searchFrom = [read.configDir, ...(options.searchFrom ?? [])];
  const { adapters, issues } = await checkAdapters(read.raw, { searchFrom, source: read.source });
  const all = [...read.envIssues, ...core.issues, ...issues];
  if (!core.config || !adapters || all.length > 0) throw invalidConfig(read.source, all);
  return { config: core.config, file: read.file, configDir: read.configDir, envApplied: read.envApplied, adapters };
}
