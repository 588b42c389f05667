import { checkAdapters, type ResolvedAdapters } from "../registry/create-providers.js";
import { configIssues, invalidConfig, readRawConfig, type LoadConfigOptions, type LoadedConfig } from "./load-config.js";

export interface LoadResolvedConfigOptions extends LoadConfigOptions {
  /** Folders adapter specifiers resolve from, after the config's own folder (e.g. the working directory, voxpipe's installation). */
  searchFrom?: readonly string[];
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
  const read = await readRawConfig(file, options);
  const core = configIssues(read.raw, read.envSources);
  const searchFrom = [read.configDir, ...(options.searchFrom ?? [])];
  const { adapters, issues } = await checkAdapters(read.raw, { searchFrom, source: read.source });
  const all = [...read.envIssues, ...core.issues, ...issues];
  if (!core.config || !adapters || all.length > 0) throw invalidConfig(read.source, all);
  return { config: core.config, file: read.file, configDir: read.configDir, envApplied: read.envApplied, adapters };
}
