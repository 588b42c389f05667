// Part 7 — load: the playground server (its real WebSocket server and
// backend, on a config of test doubles) with 100 concurrent sessions driven
// from a separate load-generator process over 127.0.0.1. Every session
// starts its run at the same moment; each is timed from sending `run` to its
// first binary audio frame, on the client.
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
// sampled every 10 ms during the round is reported alongside.
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
const MB = 1024 * 1024;

/** The doubles' nominal floor for TEXT with the pipeline's default segmenter. */
function nominalFloor(core, testing, segmenterOptions) {
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
  const rounds = quick ? 1 : 5;

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

    const round_ = async (sessions, measure) => {
      await ask(client, { type: "connect", url, sessions }, "connected");
      if (measure) server.send({ type: "sample", on: true });
      const roundDone = nextMessage(client, "round", 120_000);
      const firstAudio = await ask(client, { type: "go", prompt: "When does the train leave?", timeoutMs: 60_000 }, "first-audio", 120_000);
      const live = measure ? await ask(server, { type: "rss", gc: true }, "rss") : null;
      const { results } = await roundDone;
      const peak = measure ? await ask(server, { type: "sample", on: false }, "peak") : null;
      return { results, liveRss: live?.rss, liveConnections: live?.connections, peakRss: peak?.rss, timedOut: firstAudio.timedOut };
    };

    // Warm-up: JIT, module loading, the first sockets; not counted.
    await round_(10, false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { rss: baselineRss } = await ask(server, { type: "rss", gc: true }, "rss");

    const overheads = [];
    const serverTtfas = [];
    const perSession = [];
    const peakPerSession = [];
    let failed = 0;
    for (let r = 0; r < rounds; r++) {
      const round = await round_(SESSIONS, true);
      for (const result of round.results) {
        if (result.ttfaMs === null || result.reason !== "finished") failed++;
        if (result.ttfaMs !== null) overheads.push(result.ttfaMs - floor.floorMs);
        if (result.serverTtfaMs !== null) serverTtfas.push(result.serverTtfaMs);
      }
      perSession.push((round.liveRss - baselineRss) / MB / SESSIONS);
      peakPerSession.push((round.peakRss - baselineRss) / MB / SESSIONS);
      log(`round ${r + 1}/${rounds}: ${round.results.length} sessions (${round.liveConnections} open at the RSS sample), overhead p50 ${median(round.results.map((x) => x.ttfaMs - floor.floorMs)).toFixed(1)} ms, ` +
        `live ${((round.liveRss - baselineRss) / MB).toFixed(1)} MB over idle`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return {
      sessions: SESSIONS,
      overheadP50Ms: round(median(overheads), 2),
      overheadP99Ms: round(percentile(overheads, 99), 2),
      memoryPerSessionMb: round(median(perSession), 3),
      peakMemoryPerSessionMb: round(median(peakPerSession), 3),
      rounds,
      samples: overheads.length,
      ...(failed ? { sessionsFailed: failed } : {}),
      floorMs: round(floor.floorMs, 1),
      // The server's own pipeline metric (ttfaMs in `finish`): the part of the overhead spent before the WebSocket.
      serverPipelineOverheadP50Ms: round(median(serverTtfas) - floor.floorMs, 2),
      serverPipelineOverheadP99Ms: round(percentile(serverTtfas, 99) - floor.floorMs, 2),
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
