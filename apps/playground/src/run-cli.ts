import { Redactor, secretValuesOfEnv, VoxpipeError } from "@voxpipe/core";
import { parseCliArgs, usage, UsageError } from "./cli-args.js";
import { startPlayground, type Playground } from "./start-playground.js";
import { openPlaygroundBackend } from "./voxpipe-backend.js";

export interface CliIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
}

const defaultIo: CliIo = { stdout: (line) => process.stdout.write(`${line}\n`), stderr: (line) => process.stderr.write(`${line}\n`) };

/** A started playground and how to shut it down (stops runs, closes the server, frees the backends). */
export interface RunningPlayground {
  playground: Playground;
  shutdown(): Promise<void>;
}

/**
 * The `voxpipe-playground` command: loads the config, creates the backends
 * once, starts the server and prints its URL. Resolves to the running
 * playground, or to an exit code (1: bad arguments, bad config, port in use).
 */
export async function runCli(argv: readonly string[], given: CliIo = defaultIo): Promise<RunningPlayground | number> {
  // What the server prints never shows a credential: the environment's keys, URL credentials, bearer tokens.
  const redactor = new Redactor(secretValuesOfEnv(process.env));
  const io: CliIo = { stdout: (line) => given.stdout(redactor.redact(line)), stderr: (line) => given.stderr(redactor.redact(line)) };
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`voxpipe-playground: ${error.message}\n\n${usage}`);
    return 1;
  }
  if (args.help) {
    io.stdout(usage);
    return 0;
  }
  let backend;
  try {
    backend = await openPlaygroundBackend({ configFile: args.configFile, ...(io.cwd ? { cwd: io.cwd } : {}), ...(io.env ? { env: io.env } : {}) });
  } catch (error) {
    io.stderr(`voxpipe-playground: cannot start: ${describe(error)}`);
    if (!args.configFile && VoxpipeError.isInstance(error) && error.code === "model-not-found") {
      io.stderr(
        "To try voxpipe without the default model, in a voxpipe checkout: `pnpm start -- --config examples/test-doubles.yaml` (no models at all), or " +
          '`pnpm fixtures && VOXPIPE_MODELS_DIR="$PWD/models" pnpm start -- --config examples/offline.yaml` (a 1 MB story model + eSpeak). ' +
          "Elsewhere, pass --config with a config whose llm.options.model is a local .gguf file.",
      );
    }
    return 1;
  }
  let playground: Playground;
  try {
    playground = await startPlayground({
      backend,
      host: args.host,
      port: args.port,
      // One line per connection the server closed for exceeding a cap: the code and reason, never message contents.
      hooks: { onServerClose: ({ sessionId, code, reason }) => io.stderr(`voxpipe-playground: closed connection ${sessionId} (${code}): ${reason}`) },
    });
  } catch (error) {
    await backend.dispose();
    const code = (error as { code?: unknown }).code;
    if (code === "EADDRINUSE") io.stderr(`voxpipe-playground: port ${args.port} on ${args.host} is already in use. Stop the other server or pass --port with another port (--port 0 picks a free one).`);
    else if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") io.stderr(`voxpipe-playground: cannot listen on host "${args.host}": no such local address. Use 127.0.0.1 (the default), 0.0.0.0, or one of this machine's addresses.`);
    else if (code === "EACCES") io.stderr(`voxpipe-playground: not allowed to listen on port ${args.port}. Ports below 1024 need privileges; pick a higher --port.`);
    else io.stderr(`voxpipe-playground: cannot listen on ${args.host}:${args.port}: ${describe(error)}`);
    return 1;
  }
  io.stdout(`voxpipe playground: ${playground.url}`);
  io.stdout(`  config ${backend.configName} · llm ${backend.llm.id} (${backend.llm.model}) · tts ${backend.tts.id} (${backend.tts.voice})`);
  if (args.host !== "127.0.0.1" && args.host !== "localhost" && args.host !== "::1") {
    io.stderr(`voxpipe-playground: warning: listening on ${args.host}; anyone who can reach this address can use your backends (there is no login).`);
  }
  return {
    playground,
    async shutdown() {
      await playground.close();
      await backend.dispose();
    },
  };
}

function describe(error: unknown): string {
  if (VoxpipeError.isInstance(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}
