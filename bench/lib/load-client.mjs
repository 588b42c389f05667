// The load generator, in its own process: opens many WebSocket sessions to the
// playground on 127.0.0.1, starts a run on each (all at once, or at seeded
// random moments within a spread), and times each session from sending `run`
// to its first binary audio frame. Driven over IPC:
//   { type: "connect", url, sessions }   → { type: "connected" } once every session has its `hello`
//   { type: "go", prompt, spreadMs, seed } → { type: "first-audio" } when every session has audio,
//                                          then { type: "round", results: [...] } when every run has ended
//   { type: "exit" }
// Bounded: every round gives up after `timeoutMs` and closes its sockets.
import { createRequire } from "node:module";
import { join } from "node:path";
import { repoRoot } from "./paths.mjs";
import { seededRandom } from "./stats.mjs";

const WebSocket = createRequire(join(repoRoot, "apps/playground/package.json"))("ws");
const now = () => performance.now();

let sockets = [];

function connect(url, count) {
  sockets = [];
  return Promise.all(
    Array.from({ length: count }, () => new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      const session = { ws, sendAt: null, firstAudioAt: null, endAt: null, reason: null, frames: 0, bytes: 0, error: null, serverTtfaMs: null, firstFrameAtMs: null };
      sockets.push(session);
      ws.on("message", (data, isBinary) => {
        if (isBinary) {
          if (session.firstAudioAt === null) {
            session.firstAudioAt = now();
            session.firstFrameAtMs = data.readUInt32LE(24); // the frame's atMs: when the server's pipeline yielded it
          }
          session.frames++;
          session.bytes += data.length;
          session.onAudio?.();
          return;
        }
        const message = JSON.parse(data.toString());
        if (message.type === "hello") resolve();
        else if (message.type === "finish") session.serverTtfaMs = message.metrics?.ttfaMs ?? null;
        else if (message.type === "run-end") {
          session.endAt = now();
          session.reason = message.reason;
          session.onEnd?.();
        } else if (message.type === "error" || message.type === "protocol-error") session.error = message.message;
      });
      ws.on("error", (error) => {
        session.error = error.message;
        reject(error);
      });
    })),
  );
}

async function go({ prompt, timeoutMs = 60_000, spreadMs = 0, seed = 1 }) {
  let withAudio = 0;
  let ended = 0;
  let allAudio;
  let allEnded;
  const audioPromise = new Promise((resolve) => (allAudio = resolve));
  const endPromise = new Promise((resolve) => (allEnded = resolve));
  for (const session of sockets) {
    session.onAudio = () => {
      session.onAudio = undefined;
      if (++withAudio === sockets.length) allAudio();
    };
    session.onEnd = () => {
      if (++ended === sockets.length) allEnded();
    };
  }
  const payload = JSON.stringify({ type: "run", prompt, mode: "streaming" });
  const random = seededRandom(seed);
  for (const session of sockets) {
    const send = () => {
      session.sendAt = now();
      session.ws.send(payload);
    };
    // spreadMs 0: every session at the same instant (a burst); else each at a seeded random moment within spreadMs.
    if (spreadMs > 0) setTimeout(send, random() * spreadMs);
    else send();
  }
  const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs, "timeout"));
  const first = await Promise.race([audioPromise, timeout]);
  process.send({ type: "first-audio", timedOut: first === "timeout" });
  await Promise.race([endPromise, timeout]);
  const results = sockets.map((s) => ({
    ttfaMs: s.firstAudioAt === null ? null : s.firstAudioAt - s.sendAt,
    totalMs: s.endAt === null ? null : s.endAt - s.sendAt,
    serverTtfaMs: s.serverTtfaMs,
    firstFrameAtMs: s.firstFrameAtMs,
    reason: s.reason,
    frames: s.frames,
    bytes: s.bytes,
    error: s.error,
  }));
  await Promise.all(sockets.map((s) => new Promise((resolve) => {
    if (s.ws.readyState === WebSocket.CLOSED) return resolve();
    s.ws.once("close", resolve);
    s.ws.close();
    setTimeout(() => { s.ws.terminate(); resolve(); }, 2000).unref();
  })));
  sockets = [];
  return results;
}

process.on("message", async (message) => {
  try {
    if (message.type === "connect") {
      await connect(message.url, message.sessions);
      process.send({ type: "connected" });
    } else if (message.type === "go") {
      process.send({ type: "round", results: await go(message) });
    } else if (message.type === "exit") {
      process.exit(0);
    }
  } catch (error) {
    process.send({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
});
process.send({ type: "loaded" });
