// The voice server for the server part, in its own process (started with
// --expose-gc): the real @voxpipe/server on backends from a config (test
// doubles, or eSpeak NG), started programmatically. Driven over IPC:
//   { type: "start", configFile, maxStreamsPerKey } → { type: "ready", url }
//   { type: "rss", gc }                              → { type: "rss", rss, heapUsed, activeStreams }
//   { type: "cpu" }                                  → { type: "cpu", userMs, systemMs } (since the process started)
//   { type: "stop" }                                 → drains, frees the backends and exits
import { pathToFileURL } from "node:url";
import { distFile } from "./paths.mjs";

const core = await import(pathToFileURL(distFile("packages/core")).href);
const { openVoiceBackends, startVoxpipeServer } = await import(pathToFileURL(distFile("packages/server")).href);

let server;
let backends;

process.on("message", async (message) => {
  try {
    if (message.type === "start") {
      const loaded = await core.loadConfig(message.configFile);
      backends = await openVoiceBackends(loaded, { searchFrom: [distFile("packages/server", "..")], env: process.env, logger: core.silentLogger });
      const config = core.serverConfigSchema.parse({ port: 0, limits: { maxStreamsPerKey: message.maxStreamsPerKey } });
      server = await startVoxpipeServer({ backends, config, apiKeys: [], processMetrics: false });
      process.send({ type: "ready", url: server.url });
    } else if (message.type === "rss") {
      if (message.gc) {
        globalThis.gc?.();
        globalThis.gc?.();
      }
      const { rss, heapUsed } = process.memoryUsage();
      process.send({ type: "rss", rss, heapUsed, activeStreams: server?.activeStreams ?? 0 });
    } else if (message.type === "cpu") {
      const { user, system } = process.cpuUsage();
      process.send({ type: "cpu", userMs: user / 1000, systemMs: system / 1000 });
    } else if (message.type === "stop") {
      await server?.drain(1000);
      await backends?.dispose();
      process.exit(0);
    }
  } catch (error) {
    process.send({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
process.send({ type: "loaded" });
