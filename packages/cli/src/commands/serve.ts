import { serveFromConfig } from "@voxpipe/server";
import { parseCommandArgs, UsageError } from "../args.js";
import { voxpipeInstallDir } from "../open-voxpipe.js";

export const serveUsage = `Usage: voxpipe serve [options]

Starts an OpenAI-compatible voice server: POST /v1/audio/speech, POST /v1/chat/completions
(spoken replies with modalities ["text", "audio"]), GET /v1/models, /healthz, /readyz, /metrics.

Options:
  --config FILE   config file (default: ./voxpipe.config.{yaml,yml,json}, else the embedded defaults);
                  its server section sets keys, CORS, limits and the drain deadline
  --port N        port to listen on (default: server.port, 8000; 0 picks a free port)
  --host H        address to bind (default: server.host, 127.0.0.1); any other address needs
                  API keys (server.apiKeys or VOXPIPE_API_KEYS)
  -h, --help      this help

SIGTERM or SIGINT drains: /readyz turns 503, new requests are refused, streams in flight finish
(up to server.drainMs), then the command exits 0. A second signal exits at once.`;

export interface ServeHooks {
  /** Called with the URL once the server listens (tests use it; the command prints it). */
  onListening?: (url: string) => void;
  /** Resolves when the server should drain and stop (default: SIGTERM or SIGINT). */
  stopped?: Promise<unknown>;
}

export async function serve(argv: readonly string[], io: { stdout: (s: string) => void; stderr: (s: string) => void }, hooks: ServeHooks = {}): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    config: { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout(serveUsage);
    return 0;
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port: expected a whole number from 0 to 65535, received "${values.port}"`);
  }
  const running = await serveFromConfig({
    ...(values.config ? { configFile: values.config } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(values.host ? { host: values.host } : {}),
    searchFrom: [voxpipeInstallDir],
  });
  const { llm, tts } = running.backends;
  io.stdout(`voxpipe serve: ${llm.id} (${llm.model}) → ${tts.id} (${tts.voice}) listening on ${running.server.url}`);
  hooks.onListening?.(running.server.url);
  const signal = await (hooks.stopped ?? untilSignal());
  io.stderr(`voxpipe serve: ${typeof signal === "string" ? signal : "stop"}: draining ${running.server.activeStreams} streams (up to ${running.loaded.config.server.drainMs} ms)`);
  await running.shutdown();
  io.stderr("voxpipe serve: stopped");
  return 0;
}

/** Resolves with the first SIGTERM or SIGINT; a second one exits at once. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off("SIGTERM", onSignal);
      process.off("SIGINT", onSignal);
      process.once("SIGTERM", () => process.exit(143));
      process.once("SIGINT", () => process.exit(130));
      resolve(signal);
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  });
}
