import { VoxpipeError, ConfigError, Redactor, secretValuesOfEnv } from "@voxpipe/core";
import { UsageError } from "./args.js";
import { config, configUsage } from "./commands/config.js";
import { say, sayUsage } from "./commands/say.js";
import { normalizeCommand, normalizeUsage } from "./commands/normalize.js";
import { segmentCommand, segmentUsage } from "./commands/segment.js";
import { serve, serveUsage } from "./commands/serve.js";
import { OutputError } from "./output-target.js";

export const usage = `voxpipe — stream an LLM's reply into speech with the lowest time to first audio.

Usage:
  voxpipe say "<prompt>" [--config FILE] [--out FILE.wav|-] [--mode streaming|whole] [--json]
  voxpipe serve [--config FILE] [--port N] [--host H]
  voxpipe config check [FILE]
  voxpipe config schema
  voxpipe segment [--min N] [--max N] [--no-eager]
  voxpipe normalize [--config FILE] [--lang en]

Run "voxpipe <command> --help" for a command's options.
Exit codes: 0 ok, 1 bad input, config or output, 2 the run failed (or its output was closed),
130/143/129 stopped by SIGINT/SIGTERM/SIGHUP.`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const defaultIo: Io = { stdout: (s) => process.stdout.write(`${s}\n`), stderr: (s) => process.stderr.write(`${s}\n`) };

/** Runs the voxpipe command line; resolves to the exit code. */
export async function main(argv: readonly string[], given: Io = defaultIo): Promise<number> {
  // Progress and error lines never show a credential: the environment's keys, URL credentials, bearer tokens.
  const redactor = new Redactor(secretValuesOfEnv(process.env));
  const io: Io = { stdout: given.stdout, stderr: (line) => given.stderr(redactor.redact(line)) };
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  const [command, ...rest] = args;
  const usages: Record<string, string> = { say: sayUsage, config: configUsage, segment: segmentUsage, normalize: normalizeUsage, serve: serveUsage };
  try {
    switch (command) {
      case "say":
        return await say(rest, io);
      case "config":
        return await config(rest, io);
      case "segment":
        return await segmentCommand(rest, io);
      case "normalize":
        return await normalizeCommand(rest, io);
      case "serve":
        return await serve(rest, io);
      case undefined:
      case "-h":
      case "--help":
      case "help":
        io.stdout(usage);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`voxpipe: ${error.message}\n\n${(command && usages[command]) || usage}`);
      return 1;
    }
    if (error instanceof OutputError) {
      io.stderr(`voxpipe: ${error.message}`);
      return 1;
    }
    if (error instanceof ConfigError || (VoxpipeError.isInstance(error) && (error.stage === "config" || error.stage === "registry" || error.code === "model-not-found"))) {
      io.stderr(`voxpipe: ${error.message}`);
      return 1;
    }
    if (VoxpipeError.isInstance(error)) {
      io.stderr(`voxpipe: ${error.stage} failed: ${error.message}`);
      return 2;
    }
    io.stderr(`voxpipe: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 2;
  }
}
