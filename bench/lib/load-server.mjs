// The playground server for the load part, in its own process (started with
// --expose-gc): the real @voxpipe/playground server and its real backend
// (openPlaygroundBackend on a config of test doubles), started programmatically
// so the connection cap can be raised above the default 8. Driven over IPC:
//   { type: "start", configFile, maxConnections } → { type: "ready", url, port }
//   { type: "rss", gc }                           → { type: "rss", rss, heapUsed, connections }
//   { type: "sample", on: true|false }            → on false: { type: "peak", rss }
//   { type: "stop" }                              → closes everything and exits
import { pathToFileURL } from "node:url";
import { distFile } from "./paths.mjs";
import { originalSetTimeout } from "./timer-tracker.mjs";

const { openPlaygroundBackend, startPlayground, WEBSOCKET_PATH } = await import(pathToFileURL(distFile("apps/playground")).href);

let playground;
let backend;
let sampler;
let peak = 0;

function gc() {
  globalThis.gc?.();
  globalThis.gc?.();
}

process.on("message", async (message) => {
  try {
    if (message.type === "start") {
      backend = await openPlaygroundBackend({ configFile: message.configFile });
      playground = await startPlayground({ backend, host: "127.0.0.1", port: 0, limits: { maxConnections: message.maxConnections } });
      process.send({ type: "ready", port: playground.port, url: `ws://127.0.0.1:${playground.port}${WEBSOCKET_PATH}` });
    } else if (message.type === "rss") {
      if (message.gc) gc();
      const { rss, heapUsed } = process.memoryUsage();
      process.send({ type: "rss", rss, heapUsed, connections: playground?.connections() ?? 0 });
    } else if (message.type === "sample") {
      if (message.on) {
        peak = process.memoryUsage().rss;
        const tick = () => {
          peak = Math.max(peak, process.memoryUsage().rss);
          sampler = originalSetTimeout(tick, 10);
        };
        tick();
      } else {
        clearTimeout(sampler);
        process.send({ type: "peak", rss: peak });
      }
    } else if (message.type === "stop") {
      clearTimeout(sampler);
      await playground?.close();
      await backend?.dispose();
      process.exit(0);
    }
  } catch (error) {
    process.send({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
process.send({ type: "loaded" });
