// Part 7 — load: the playground server (its real WebSocket server and
// backend, on a config of test doubles) with 100 concurrent sessions driven
// from a separate load-generator process over 127.0.0.1. Each session is
// timed from sending `run` to its first binary audio frame, on the client.
//
// Two kinds of rounds, both with all 100 sessions open and their runs
// overlapping: the main figures have the sessions start at seeded random
// moments within 1 s (arrivals as real users make them; a run lasts ~2 s);
// `burst` has all 100 start at the same instant, so every double's timer fires
// in a 100-way herd — the worst case, reported beside it.
//
// The floor is the doubles' schedule for that reply: the scripted LLM's
// moment for the text part after which the segmenter (the same one, with the
// same settings) cuts the first segment, plus the synthetic TTS's time to its
// first chunk. Under load, the delay of the doubles' own timers and the
// server's and client's event loops counts as overhead, as it would for a real
// backend's I/O callbacks.
//
// Memory: the server's RSS after a GC, idle after a warm-up round, against its
// RSS after a GC taken once every session of the round has received audio
// (runs still going) — divided by the number of sessions. The peak RSS
// sampled every 10 ms during the round, and the JS heap in use after the same
// GC, are reported alongside.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ask, forkChild, nextMessage } from "../lib/ipc.mjs";
import { benchDir, distFile, importIfBuilt, loadCore } from "../lib/paths.mjs";
import { median, percentile, round } from "../lib/stats.mjs";

export const TEXT = "Thanks for waiting, here is the answer. The train leaves at ten past eight from platform four. It takes about forty minutes.";
export const LLM = { tokensPerSecond: 50, firstTokenMs: 100 };
export const TTS = { firstChunkMs: 50, realTimeFactor: 0.2, chunkMs: 100, sampleRate: 16000, msPerChar: 60 };
const SESSIONS = Number(process.env.BENCH_LOAD_SESSIONS ?? 100);
const SPREAD_MS = 1000;
const MB = 1024 * 1024;

/** The doubles' nominal floor for TEXT with the pipeline's default segmenter. */
export function nominalFloor(core, testing, segmenterOptions) {
  const tokens = testing.splitIntoTokens(TEXT);
  const segmenter = core.createSegmenter(segmenterOptions);
  for (let i = 0; i < tokens.length; i++) {
    const [first] = segmenter.push(tokens[i]);
    if (!first) continue;
    const llmMs = LLM.firstTokenMs + (i * 1000) / LLM.tokensPerSecond;
    const frames = Math.round(((([...first.text].length * TTS.msPerChar) / 1000) * TTS.sampleRate));
    const chunkFrames = Math.min(frames, Math.max(1, Math.round((TTS.chunkMs / 1000) * TTS.sampleRate)));
    const ttsMs = TTS.firstChunkMs + (chunkFrames / TTS.sampleRate) * 1000 * TTS.realTimeFactor;
    return { llmMs, ttsMs, floorMs: llmMs + ttsMs, firstSegment: first.text };
  }
  throw new Error("the load reply never yields a segment before the end");
}

export async function run({ quick, log }) {
  const built = await importIfBuilt(distFile("apps/playground"), "@voxpipe/playground");
  if (built.skipped) return { skipped: built.skipped };
  const { core, testing, defaults } = await loadCore();
  const floor = nominalFloor(core, testing, defaults.segmenter);

  const dir = mkdtempSync(join(tmpdir(), "voxpipe-bench-load-"));
  const configFile = join(dir, "voxpipe.config.json");
  writeFileSync(configFile, JSON.stringify({
    llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: TEXT, ...LLM } },
    tts: { use: "@voxpipe/core/testing#syntheticTts", options: TTS },
    pipeline: { mode: "streaming" },
    log: { level: "error" },
  }, null, 2));

  let server;
  let client;
  try {
    server = await forkChild(join(benchDir, "lib/load-server.mjs"), { execArgv: ["--expose-gc"] });
    client = await forkChild(join(benchDir, "lib/load-client.mjs"));
    const { url } = await ask(server, { type: "start", configFile, maxConnections: SESSIONS + 16 }, "ready");

    const runRound = async (sessions, { measure, spreadMs, seed }) => {
      await ask(client, { type: "connect", url, sessions }, "connected");
      if (measure) server.send({ type: "sample", on: true });
      const roundDone = nextMessage(client, "round", 120_000);
      const firstAudio = await ask(client, { type: "go", prompt: "When does the train leave?", timeoutMs: 60_000, spreadMs, seed }, "first-audio", 120_000);
      const live = measure ? await ask(server, { type: "rss", gc: true }, "rss") : null;
      const { results } = await roundDone;
      const peak = measure ? await ask(server, { type: "sample", on: false }, "peak") : null;
      return { results, liveRss: live?.rss, liveHeap: live?.heapUsed, liveConnections: live?.connections, peakRss: peak?.rss, timedOut: firstAudio.timedOut };
    };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 200));

    // Warm-up: JIT, module loading, the first sockets; not counted.
    await runRound(10, { measure: false, spreadMs: 0 });
    await pause();
    const { rss: baselineRss, heapUsed: baselineHeap } = await ask(server, { type: "rss", gc: true }, "rss");
    // A second warm-up at full size (after the idle baseline, so the heap's growth to 100 sessions still counts as their memory).
    await runRound(SESSIONS, { measure: false, spreadMs: SPREAD_MS, seed: 99 });
    await pause();

    const measureRounds = async (label, count, spreadMs) => {
      const overheads = [];
      const serverTtfas = [];
      const totals = [];
      const perSession = [];
      const peakPerSession = [];
      const heapPerSession = [];
      let failed = 0;
      for (let r = 0; r < count; r++) {
        const result = await runRound(SESSIONS, { measure: true, spreadMs, seed: 100 + r });
        for (const session of result.results) {
          if (session.ttfaMs === null || session.reason !== "finished") failed++;
          if (session.ttfaMs !== null) overheads.push(session.ttfaMs - floor.floorMs);
          if (session.serverTtfaMs !== null) serverTtfas.push(session.serverTtfaMs);
          if (session.totalMs !== null) totals.push(session.totalMs);
        }
        perSession.push((result.liveRss - baselineRss) / MB / SESSIONS);
        peakPerSession.push((result.peakRss - baselineRss) / MB / SESSIONS);
        heapPerSession.push((result.liveHeap - baselineHeap) / MB / SESSIONS);
        log(`${label} round ${r + 1}/${count}: ${result.results.length} sessions (${result.liveConnections} open at the RSS sample), ` +
          `overhead p50 ${median(result.results.map((x) => x.ttfaMs - floor.floorMs)).toFixed(1)} ms, live ${((result.liveRss - baselineRss) / MB).toFixed(1)} MB over idle`);
        await pause();
      }
      return {
        overheadP50Ms: round(median(overheads), 2),
        overheadP99Ms: round(percentile(overheads, 99), 2),
        memoryPerSessionMb: round(median(perSession), 3),
        peakMemoryPerSessionMb: round(median(peakPerSession), 3),
        heapPerSessionMb: round(median(heapPerSession), 3),
        // The server's own pipeline metric (ttfaMs in `finish`): the part of the overhead spent before the WebSocket.
        serverPipelineOverheadP50Ms: round(median(serverTtfas) - floor.floorMs, 2),
        serverPipelineOverheadP99Ms: round(percentile(serverTtfas, 99) - floor.floorMs, 2),
        runMsP50: round(median(totals), 0),
        rounds: count,
        samples: overheads.length,
        ...(failed ? { sessionsFailed: failed } : {}),
      };
    };

    const staggered = await measureRounds(`staggered over ${SPREAD_MS} ms`, quick ? 1 : 5, SPREAD_MS);
    const burst = await measureRounds("burst", quick ? 1 : 3, 0);
    return {
      sessions: SESSIONS,
      ...staggered,
      arrivalsSpreadMs: SPREAD_MS,
      burst,
      floorMs: round(floor.floorMs, 1),
      idleRssMb: round(baselineRss / MB, 1),
      setup: { llm: LLM, tts: TTS, firstSegment: floor.firstSegment },
    };
  } finally {
    client?.send({ type: "exit" });
    if (server?.connected) {
      server.send({ type: "stop" });
      await new Promise((resolve) => {
        server.once("exit", resolve);
        setTimeout(() => { server.kill(); resolve(); }, 5000).unref();
      });
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
