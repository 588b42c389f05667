import { createLogger, loadConfig, type LoadedConfig, type Logger } from "@voxpipe/core";
import { keysFrom } from "./api-keys.js";
import { openVoiceBackends, type VoiceBackends } from "./voice-backends.js";
import { startVoxpipeServer, type VoxpipeServer } from "./voxpipe-server.js";

export interface ServeOptions {
  /** Config file; the working directory's voxpipe.config.* or the defaults when omitted. */
  configFile?: string;
  /** Overrides `server.port`. */
  port?: number;
  /** Overrides `server.host`. */
  host?: string;
  cwd?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Folders adapter specifiers resolve from after the config's folder and the working directory (e.g. the voxpipe command's own installation). */
  searchFrom?: readonly string[];
  logger?: Logger;
}

/** A server started from a config, and the backends it owns. */
export interface RunningServe {
  server: VoxpipeServer;
  backends: VoiceBackends;
  loaded: LoadedConfig;
  /** Drains (see `VoxpipeServer.drain`), then frees the backends. */
  shutdown(deadlineMs?: number): Promise<void>;
}

/** Loads the config, creates and loads its backends, and starts the server. */
export async function serveFromConfig(options: ServeOptions = {}): Promise<RunningServe> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const loaded = await loadConfig(options.configFile, { cwd, env });
  const logger = options.logger ?? createLogger(loaded.config.log.level);
  const config = { ...loaded.config.server, ...(options.port !== undefined ? { port: options.port } : {}), ...(options.host !== undefined ? { host: options.host } : {}) };
  const apiKeys = keysFrom(config.apiKeys, env);
  const backends = await openVoiceBackends(loaded, { searchFrom: [loaded.configDir, cwd, ...(options.searchFrom ?? [])], env, logger });
  let server: VoxpipeServer;
  try {
    server = await startVoxpipeServer({ backends, config, apiKeys, logger });
  } catch (error) {
    await backends.dispose();
    throw error;
  }
  return {
    server,
    backends,
    loaded,
    async shutdown(deadlineMs) {
      await server.drain(deadlineMs);
      await backends.dispose();
    },
  };
}
