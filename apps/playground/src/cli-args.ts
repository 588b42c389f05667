import { parseArgs } from "node:util";

/** What the command line asked for. */
export interface CliArgs {
  configFile: string | undefined;
  host: string;
  port: number;
  help: boolean;
}

/** A command-line mistake: printed with the usage, exit code 1. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const DEFAULT_PORT = 8710;

export const usage = `voxpipe-playground — hear and see the voxpipe pipeline in a browser.

Usage:
  voxpipe-playground [--config FILE] [--port N] [--host H]
  pnpm start -- --config FILE --port N --host H      (from the repository root)

Options:
  --config FILE  voxpipe config (YAML/JSON). Default: ./voxpipe.config.{yaml,yml,json}, else the built-in defaults.
  --port N       Port to listen on (default ${DEFAULT_PORT}; 0 picks a free port).
  --host H       Interface to bind (default 127.0.0.1). Anything else exposes the playground to your network.
  -h, --help     Show this help.`;

/**
 * Parses the playground's options. A bare `--` is dropped wherever it
 * appears: `pnpm start -- --port 1` passes it through (pnpm 10 forwards a literal `--` to the script).
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv.filter((arg) => arg !== "--"),
      options: {
        config: { type: "string", short: "c" },
        port: { type: "string", short: "p" },
        host: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || values.port?.trim() === "") {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  }
  const host = values.host ?? "127.0.0.1";
  if (!host.trim()) throw new UsageError("--host must not be empty");
  return { configFile: values.config, host, port, help: values.help ?? false };
}
