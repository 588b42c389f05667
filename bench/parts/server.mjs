// Part 10 — server: the OpenAI-compatible voice server (@voxpipe/server) in its
// own process, driven over HTTP on 127.0.0.1 by this process with fetch, as an
// OpenAI client would: streamed chat completions with spoken replies
// (`modalities: ["text", "audio"]`), each timed from sending the request to
// the first SSE chunk that carries audio data.
//
// TTFA over the floor, for 1 stream at a time and for N (100) concurrent
// streams, on the load part's test doubles (same reply, same floor: the
// scripted LLM's moment for the text part after which the segmenter cuts the
// first segment, plus the synthetic TTS's time to its first chunk). Baseline,
// same run: the same pipeline called in-process (runPipeline, no HTTP), so the
// figure beside it is what HTTP, SSE framing, base64 and resampling to 24 kHz add.
//
// Memory per stream: the server's RSS after a GC with N streams live (all past
// their first audio) minus its RSS after a GC when idle, divided by N.
//
// Sessions per core: the same server on a config with the real eSpeak NG voice
// (in-process WebAssembly): K streams at once, the server's CPU time (user +
// system) against the seconds of audio it sent. Audio seconds ÷ CPU seconds is
// how many real-time spoken streams one core keeps up with.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { ask, forkChild } from "../lib/ipc.mjs";
import { benchDir, distFile, importIfBuilt, loadCore } from "../lib/paths.mjs";
import { median, percentile, round } from "../lib/stats.mjs";
import { LLM, TEXT, TTS, nominalFloor } from "./load.mjs";

const STREAMS = Number(process.env.BENCH_SERVER_STREAMS ?? 100);
// The load part's doubles, but at the API's 24 kHz: each resampled stream costs a converter of core's
// resampler (libsamplerate in WebAssembly, about 26 MB and an instantiation each), measured apart below.
const SERVER_TTS = { ...TTS, sampleRate: 24_000 };
const MB = 1024 * 1024;
const body = JSON.stringify({ model: "voxpipe", messages: [{ role: "user", content: "When does the train leave?" }], modalities: ["text", "audio"], audio: { voice: "alloy", format: "pcm16" }, stream: true });

/** One streamed spoken chat over HTTP: ms to the first audio chunk, total ms and audio bytes. */
async function oneStream(url, onFirstAudio) {
  const started = performance.now();
  const response = await fetch(`${url}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const decoder = new TextDecoder();
  let buffered = "";
  let ttfaMs = null;
  let audioBytes = 0;
  for await (const chunk of response.body) {
    buffered += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffered.indexOf("\n\n")) >= 0) {
      const event = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = /"data":"([^"]*)"/.exec(event)?.[1];
      if (!data) continue;
      if (ttfaMs === null) {
        ttfaMs = performance.now() - started;
        onFirstAudio?.();
      }
      audioBytes += Math.floor((data.length * 3) / 4);
    }
  }
  return { ttfaMs, totalMs: performance.now() - started, audioBytes };
}

/** One speech request's seconds of audio (at its x-sample-rate); `native` asks for the backend's own rate (no resampling). */
async function oneSpeech(url, native) {
  const response = await fetch(`${url}/v1/audio/speech`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ model: "voxpipe", voice: "alloy", input: TEXT, response_format: "pcm", ...(native ? { sample_rate: "native" } : {}) }) });
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const rate = Number(response.headers.get("x-sample-rate"));
  return (await response.arrayBuffer()).byteLength / 2 / rate;
}

/** Audio seconds ÷ the server's CPU seconds for `k` requests at once: real-time streams one core keeps up with. */
async function perCore(child, k, request) {
  const before = await ask(child, { type: "cpu" }, "cpu");
  const audioSeconds = (await Promise.all(Array.from({ length: k }, request))).reduce((sum, seconds) => sum + seconds, 0);
  const after = await ask(child, { type: "cpu" }, "cpu");
  const cpuSeconds = (after.userMs + after.systemMs - before.userMs - before.systemMs) / 1000;
  return { audioSeconds, cpuSeconds, sessionsPerCore: audioSeconds / cpuSeconds };
}

/** TTFA of the same pipeline in-process (no HTTP): the same run's baseline. */
async function inProcessTtfa(core, testing, runs) {
  const config = core.configSchema.parse({ llm: { use: "x" }, tts: { use: "x" } });
  const out = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    for await (const event of core.runPipeline({ llm: testing.createScriptedLlm({ text: TEXT, ...LLM }), tts: testing.createSyntheticTts(SERVER_TTS), request: { prompt: "x" }, segmenter: config.segmenter, ttsConcurrency: config.pipeline.ttsConcurrency })) {
      if (event.type === "audio") {
        out.push(performance.now() - started);
        break;
      }
    }
  }
  return out;
}

/**
 * Client disconnect → backends cancelled: a server in this process on wrapped doubles; each run aborts its
 * request after the first audio chunk and times the moment the LLM's and the last TTS call's signals fire.
 */
async function disconnectToCancel(core, testing, server, runs) {
  const config = core.configSchema.parse({ llm: { use: "x" }, tts: { use: "x" } });
  const fired = { llm: null, tts: null };
  const llm = testing.createScriptedLlm({ text: "This sentence keeps going on and on. ".repeat(50), tokensPerSecond: 40 });
  const tts = testing.createSyntheticTts({ ...SERVER_TTS, realTimeFactor: 1 });
  const backends = server.createVoiceBackends({
    llm: { id: llm.id, model: llm.model, stream: (request) => { request.signal?.addEventListener("abort", () => (fired.llm = performance.now())); return llm.stream(request); } },
    tts: { ...tts, synthesize: (request) => { request.signal?.addEventListener("abort", () => (fired.tts = performance.now())); return tts.synthesize(request); } },
    config,
  });
  await backends.load();
  const running = await server.startVoxpipeServer({ backends, config: core.serverConfigSchema.parse({ port: 0 }), apiKeys: [], processMetrics: false });
  const llmMs = [];
  const ttsMs = [];
  try {
    for (let i = 0; i < runs; i++) {
      fired.llm = fired.tts = null;
      const controller = new AbortController();
      const response = await fetch(`${running.url}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body, signal: controller.signal });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (let text = ""; !/"data":"/.test(text); ) text += decoder.decode((await reader.read()).value, { stream: true });
      const abortedAt = performance.now();
      controller.abort();
      const deadline = abortedAt + 2000;
      while ((fired.llm === null || fired.tts === null) && performance.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
      if (fired.llm !== null) llmMs.push(fired.llm - abortedAt);
      if (fired.tts !== null) ttsMs.push(fired.tts - abortedAt);
    }
  } finally {
    await running.close();
    await backends.dispose();
  }
  return { runs, llmP50Ms: round(median(llmMs), 2), llmP99Ms: round(percentile(llmMs, 99), 2), ttsP50Ms: round(median(ttsMs), 2), ttsP99Ms: round(percentile(ttsMs, 99), 2), missed: 2 * runs - llmMs.length - ttsMs.length };
}

export async function run({ quick, log }) {
  const built = await importIfBuilt(distFile("packages/server"), "@voxpipe/server");
  if (built.skipped) return { skipped: built.skipped };
  const { core, testing, defaults } = await loadCore();
  const floor = nominalFloor(core, testing, defaults.segmenter);
  const dir = mkdtempSync(join(tmpdir(), "voxpipe-bench-server-"));
  const doublesConfig = join(dir, "doubles.json");
  writeFileSync(doublesConfig, JSON.stringify({ llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: TEXT, ...LLM } }, tts: { use: "@voxpipe/core/testing#syntheticTts", options: SERVER_TTS }, log: { level: "error" } }));
  const espeakConfig = join(dir, "espeak.json");
  writeFileSync(espeakConfig, JSON.stringify({ llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: TEXT, tokensPerSecond: 1000 } }, tts: { use: "@voxpipe/tts-espeak", options: { voice: "en-us" } }, log: { level: "error" } }));
  const servers = [];
  const startServer = async (configFile) => {
    const child = await forkChild(join(benchDir, "lib/server-process.mjs"), { execArgv: ["--expose-gc"] });
    servers.push(child);
    const { url } = await ask(child, { type: "start", configFile, maxStreamsPerKey: STREAMS + 8 }, "ready", 120_000);
    return { child, url };
  };
  try {
    const { child, url } = await startServer(doublesConfig);
    // Warm-up: JIT, sockets; not counted.
    for (let i = 0; i < 3; i++) await oneStream(url);
    await Promise.all(Array.from({ length: Math.min(STREAMS, 20) }, () => oneStream(url)));

    const singleRuns = quick ? 10 : 30;
    const single = [];
    for (let i = 0; i < singleRuns; i++) single.push((await oneStream(url)).ttfaMs - floor.floorMs);
    const baseline = (await inProcessTtfa(core, testing, singleRuns)).map((ms) => ms - floor.floorMs);
    log(`1 stream: TTFA − floor p50 ${median(single).toFixed(1)} ms (in-process pipeline ${median(baseline).toFixed(1)} ms)`);

    const { rss: idleRss } = await ask(child, { type: "rss", gc: true }, "rss");
    const rounds = quick ? 1 : 3;
    const concurrent = [];
    const perStreamMb = [];
    for (let r = 0; r < rounds; r++) {
      let firstAudios = 0;
      let allStarted;
      const started = new Promise((resolve) => (allStarted = resolve));
      const round = Promise.all(Array.from({ length: STREAMS }, () => oneStream(url, () => ++firstAudios === STREAMS && allStarted())));
      await started;
      const live = await ask(child, { type: "rss", gc: true }, "rss");
      const results = await round;
      concurrent.push(...results.map((result) => result.ttfaMs - floor.floorMs));
      perStreamMb.push((live.rss - idleRss) / MB / STREAMS);
      log(`${STREAMS} streams round ${r + 1}/${rounds}: TTFA − floor p50 ${median(results.map((x) => x.ttfaMs - floor.floorMs)).toFixed(1)} ms, ${live.activeStreams} live at the RSS sample, ${((live.rss - idleRss) / MB).toFixed(1)} MB over idle`);
    }

    const cancel = await disconnectToCancel(core, testing, built.module, quick ? 10 : 30);
    log(`disconnect → LLM cancelled p50 ${cancel.llmP50Ms} ms, TTS cancelled p50 ${cancel.ttsP50Ms} ms (${cancel.missed} missed)`);

    // Sessions per core, with the real eSpeak NG voice.
    const espeak = await startServer(espeakConfig);
    await oneStream(espeak.url);
    const k = quick ? 4 : 8;
    const cpuBefore = await ask(espeak.child, { type: "cpu" }, "cpu");
    const wallStart = performance.now();
    const spoken = await Promise.all(Array.from({ length: k }, () => oneStream(espeak.url)));
    const wallMs = performance.now() - wallStart;
    const cpuAfter = await ask(espeak.child, { type: "cpu" }, "cpu");
    const cpuSeconds = (cpuAfter.userMs + cpuAfter.systemMs - cpuBefore.userMs - cpuBefore.systemMs) / 1000;
    const audioSeconds = spoken.reduce((sum, result) => sum + result.audioBytes / 2 / 24_000, 0);
    log(`eSpeak NG: ${k} streams, ${audioSeconds.toFixed(1)} s of audio for ${cpuSeconds.toFixed(2)} CPU s in ${(wallMs / 1000).toFixed(1)} s`);
    // What resampling to 24 kHz costs: the speech endpoint at 24 kHz and at eSpeak NG's own 22,050 Hz.
    await oneSpeech(espeak.url, true);
    const resampled = await perCore(espeak.child, k, () => oneSpeech(espeak.url, false));
    const native = await perCore(espeak.child, k, () => oneSpeech(espeak.url, true));
    log(`eSpeak NG speech: ${resampled.sessionsPerCore.toFixed(1)} streams per core at 24 kHz, ${native.sessionsPerCore.toFixed(1)} at its native rate`);
    // TTFA at the concurrency one server process sustains in real time, against one stream alone. The process runs
    // its JavaScript (eSpeak NG's WebAssembly, the resampler, the encoding) on one thread: one core, whatever the
    // machine has; more cores serve more streams through more processes (replicas).
    const sustained = Math.max(1, Math.min(STREAMS, Math.floor(audioSeconds / cpuSeconds)));
    const alone = [];
    for (let i = 0; i < 5; i++) alone.push((await oneStream(espeak.url)).ttfaMs);
    const together = (await Promise.all(Array.from({ length: sustained }, () => oneStream(espeak.url)))).map((result) => result.ttfaMs - median(alone));
    log(`eSpeak NG: ${sustained} streams at once: TTFA − one stream's p50 ${median(together).toFixed(1)} ms, p99 ${percentile(together, 99).toFixed(1)} ms`);

    return {
      streams: STREAMS,
      floorMs: round(floor.floorMs, 1),
      singleOverheadP50Ms: round(median(single), 2),
      singleOverheadP99Ms: round(percentile(single, 99), 2),
      inProcessOverheadP50Ms: round(median(baseline), 2),
      inProcessOverheadP99Ms: round(percentile(baseline, 99), 2),
      concurrentOverheadP50Ms: round(median(concurrent), 2),
      concurrentOverheadP99Ms: round(percentile(concurrent, 99), 2),
      memoryPerStreamMb: round(median(perStreamMb), 3),
      disconnect: cancel,
      idleRssMb: round(idleRss / MB, 1),
      espeak: {
        streams: k,
        audioSeconds: round(audioSeconds, 1),
        cpuSeconds: round(cpuSeconds, 2),
        sessionsPerCore: round(audioSeconds / cpuSeconds, 1),
        ttfaP50Ms: round(median(spoken.map((s) => s.ttfaMs)), 1),
        speechSessionsPerCore: round(resampled.sessionsPerCore, 1),
        nativeSessionsPerCore: round(native.sessionsPerCore, 1),
        machineCores: availableParallelism(),
        sustainedStreams: sustained,
        aloneTtfaP50Ms: round(median(alone), 1),
        sustainedOverheadP50Ms: round(median(together), 1),
        sustainedOverheadP99Ms: round(percentile(together, 99), 1),
      },
      rounds,
    };
  } finally {
    for (const child of servers) {
      if (!child.connected) continue;
      child.send({ type: "stop" });
      await new Promise((resolve) => {
        child.once("exit", resolve);
        setTimeout(() => { child.kill(); resolve(); }, 5000).unref();
      });
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
