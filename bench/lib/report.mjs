// Turns the results into rows — each figure beside its target and the baseline
// it was measured against in the same run — for the console and for markdown.

const fmt = (value, digits = 2) => (value === null || value === undefined || Number.isNaN(value) ? "—" : Number(value).toLocaleString("en-US", { maximumFractionDigits: digits }));
const seconds = (ms) => `${fmt(ms / 1000, 2)} s`;
const mark = (ok) => (ok === null || ok === undefined ? "" : ok ? "✓" : "✗");

function rowsFor(part, result) {
  if (!result) return [];
  if (result.skipped) return [{ part, figure: "—", value: `skipped: ${result.skipped}`, target: "", baseline: "", ok: null }];
  if (result.error) return [{ part, figure: "—", value: `error: ${String(result.error).split("\n")[0]}`, target: "", baseline: "", ok: false }];
  switch (part) {
    case "overhead":
      return [
        { part, figure: "TTFA − floor, p50", value: `${fmt(result.p50Ms, 3)} ms`, target: "≤ 0.5 ms", baseline: `floor ${fmt(result.floorP50Ms)} ms (TTFA ${fmt(result.ttfaP50Ms)} ms = ${fmt(result.ttfaP50Ms / result.floorP50Ms, 4)}× floor)`, ok: result.p50Ms <= 0.5 },
        { part, figure: "TTFA − floor, p99", value: `${fmt(result.p99Ms, 3)} ms`, target: "≤ 2 ms", baseline: `${result.runs} runs, floor measured per run`, ok: result.p99Ms <= 2 },
      ];
    case "realModels":
      return [result, ...(result.extraRows ?? [])].flatMap((row) => {
        if (row.skipped) return [{ part, figure: row.tts, value: `skipped: ${row.skipped}`, target: "", baseline: "", ok: null }];
        return [
          { part, figure: `whole ÷ streaming TTFA, ${row.tts}`, value: `${fmt(row.ratio, 1)}×`, target: "≥ 10×", baseline: `whole ${fmt(row.ttfaWholeMs, 1)} ms vs streaming ${fmt(row.ttfaStreamingMs, 1)} ms`, ok: row.ratio >= 10 },
          { part, figure: `streaming over its floor, ${row.tts}`, value: `${fmt(row.overFloorPct, 1)} %`, target: "≤ 10 %", baseline: `floor ${fmt(row.floorMs, 1)} ms = LLM ${fmt(row.floorLlmMs, 1)} + TTS alone ${fmt(row.floorTtsMs, 1)}${row.ttsInRunMs == null ? "" : ` (TTS in the run ${fmt(row.ttsInRunMs, 1)})`}`, ok: row.overFloorPct <= 10 },
        ];
      });
    case "seedScenario":
      return [
        { part, figure: "whole ÷ streaming TTFA", value: `${fmt(result.ratio, 1)}×`, target: "PrimeSpeech: 5–9 s → 0.8–1.5 s", baseline: `whole ${seconds(result.ttfaWholeMs)} → streaming ${seconds(result.ttfaStreamingMs)}`, ok: null },
        { part, figure: "streaming TTFA", value: seconds(result.ttfaStreamingMs), target: "≤ 0.95 s", baseline: `floor ≈ 0.83 s (first token 0.5 s, its words, TTS 0.3 s)`, ok: result.ttfaStreamingMs <= 950 },
        ...(result.firstSegment
          ? [{ part, figure: "first segment", value: `${result.firstSegment.chars} chars, cut at a ${result.firstSegment.cutAt}`, target: "a clause mark or a safe word", baseline: JSON.stringify(result.firstSegment.text), ok: null }]
          : []),
      ];
    case "gaps": {
      const expected = result.filter((r) => r.realTimeFactor / r.concurrency < 1);
      const worst = expected.reduce((a, b) => (b.gapMs > (a?.gapMs ?? -1) ? b : a), null);
      const firstExpected = result.filter((r) => r.realTimeFactor / r.concurrency < 0.95);
      const worstFirst = Math.max(...firstExpected.map((r) => r.coldGapMs ?? 0));
      return [{
        part,
        figure: "first reply's gap where RTF ÷ concurrency < 0.95 (worst cell)",
        value: `${fmt(worstFirst, 1)} ms`,
        target: "0 ms",
        baseline: `${firstExpected.filter((r) => r.coldGapMs === 0).length} of ${firstExpected.length} such cells gapless with the lead predicted from the measured TTS (largest ${fmt(Math.max(...firstExpected.map((r) => r.coldLeadMs ?? 0)), 0)} ms)`,
        ok: firstExpected.every((r) => r.coldGapMs === 0),
      }, {
        part,
        figure: "gap where RTF ÷ concurrency < 1 (worst cell)",
        value: `${fmt(worst?.gapMs, 1)} ms`,
        target: "0 ms",
        baseline: `${expected.filter((r) => r.gapMs === 0).length} of ${expected.length} such cells gapless with the learned playout lead (largest lead ${fmt(Math.max(...expected.map((r) => r.leadMs ?? 0)), 0)} ms); a session's first reply: worst ${fmt(Math.max(...expected.map((r) => r.coldGapMs ?? 0)), 1)} ms`,
        ok: expected.every((r) => r.gapMs === 0),
      }];
    }
    case "cancel":
      return [
        { part, figure: "abort → all work stopped, p99", value: `${fmt(result.p99Ms, 3)} ms`, target: "≤ 20 ms", baseline: `p50 ${fmt(result.p50Ms, 3)} ms; ${result.runs} runs, ${result.workAtAbortP50} generators/timers live at abort (median)`, ok: result.p99Ms <= 20 },
        { part, figure: "abort → last event (iterator end), p99", value: `${fmt(result.iteratorEndP99Ms, 3)} ms`, target: "≤ 20 ms", baseline: `p50 ${fmt(result.iteratorEndP50Ms, 3)} ms; ${result.eventsAfterAbort} events after abort`, ok: result.iteratorEndP99Ms <= 20 && result.eventsAfterAbort === 0 },
      ];
    case "segmenter":
      return [
        { part, figure: "pieces per second (prose)", value: fmt(result.piecesPerSecond, 0), target: "≥ 1,000,000", baseline: "", ok: result.piecesPerSecond >= 1e6 },
        { part, figure: "time for 10× the prose", value: `${fmt(result.growth10xProse)}×`, target: "≤ 12×", baseline: "1× input's time", ok: result.growth10xProse <= 12 },
        { part, figure: "time for 10× text without punctuation", value: `${fmt(result.growth10xNoPunct)}×`, target: "≤ 12×", baseline: "1× input's time", ok: result.growth10xNoPunct <= 12 },
        { part, figure: "peak memory", value: `${fmt(result.peakMb)} MB`, target: "bounded by maxLength", baseline: "", ok: null },
      ];
    case "load":
      return [
        { part, figure: `TTFA − floor, p99, ${result.sessions} sessions arriving within ${fmt(result.arrivalsSpreadMs / 1000)} s`, value: `${fmt(result.overheadP99Ms)} ms`, target: "≤ 20 ms", baseline: `p50 ${fmt(result.overheadP50Ms)} ms over a floor of ${fmt(result.floorMs, 1)} ms; server pipeline's share p50 ${fmt(result.serverPipelineOverheadP50Ms)} ms, p99 ${fmt(result.serverPipelineOverheadP99Ms)} ms`, ok: result.overheadP99Ms <= 20 },
        ...(result.burst ? [{ part, figure: `TTFA − floor, p99, ${result.sessions} sessions at the same instant`, value: `${fmt(result.burst.overheadP99Ms)} ms`, target: "≤ 20 ms", baseline: `p50 ${fmt(result.burst.overheadP50Ms)} ms; server pipeline's share p50 ${fmt(result.burst.serverPipelineOverheadP50Ms)} ms, p99 ${fmt(result.burst.serverPipelineOverheadP99Ms)} ms`, ok: result.burst.overheadP99Ms <= 20 }] : []),
        { part, figure: "server memory per session", value: `${fmt(result.memoryPerSessionMb, 3)} MB`, target: "≤ 2 MB", baseline: `idle server ${fmt(result.idleRssMb, 1)} MB; per session: peak-sampled RSS ${fmt(result.peakMemoryPerSessionMb, 3)} MB, JS heap ${fmt(result.heapPerSessionMb, 3)} MB`, ok: result.memoryPerSessionMb <= 2 },
      ];
    case "server":
      return [
        { part, figure: "TTFA − floor through HTTP, 1 stream, p50", value: `${fmt(result.singleOverheadP50Ms)} ms`, target: "≤ 20 ms", baseline: `same pipeline in-process ${fmt(result.inProcessOverheadP50Ms)} ms over a floor of ${fmt(result.floorMs, 1)} ms; p99 ${fmt(result.singleOverheadP99Ms)} ms vs ${fmt(result.inProcessOverheadP99Ms)} ms`, ok: result.singleOverheadP50Ms <= 20 },
        { part, figure: `TTFA − floor through HTTP, ${result.streams} concurrent streams, p99`, value: `${fmt(result.concurrentOverheadP99Ms)} ms`, target: "≤ 50 ms", baseline: `p50 ${fmt(result.concurrentOverheadP50Ms)} ms; 1 stream p99 ${fmt(result.singleOverheadP99Ms)} ms`, ok: result.concurrentOverheadP99Ms <= 50 },
        { part, figure: "client disconnect → LLM and TTS cancelled, p99", value: `${fmt(Math.max(result.disconnect?.llmP99Ms ?? NaN, result.disconnect?.ttsP99Ms ?? NaN))} ms`, target: "≤ 20 ms", baseline: `p50 LLM ${fmt(result.disconnect?.llmP50Ms)} ms, TTS ${fmt(result.disconnect?.ttsP50Ms)} ms; ${result.disconnect?.runs} runs, ${result.disconnect?.missed} not cancelled within 2 s`, ok: result.disconnect?.missed === 0 && Math.max(result.disconnect.llmP99Ms, result.disconnect.ttsP99Ms) <= 20 },
        { part, figure: "server memory per stream", value: `${fmt(result.memoryPerStreamMb, 3)} MB`, target: "≤ 2 MB", baseline: `idle server ${fmt(result.idleRssMb, 1)} MB`, ok: result.memoryPerStreamMb <= 2 },
        { part, figure: "real-time eSpeak NG streams per core", value: fmt(result.espeak?.sessionsPerCore, 1), target: "", baseline: `${fmt(result.espeak?.audioSeconds, 1)} s of audio for ${fmt(result.espeak?.cpuSeconds, 2)} CPU s (${result.espeak?.streams} streams at once); speech endpoint ${fmt(result.espeak?.speechSessionsPerCore, 1)} at 24 kHz, ${fmt(result.espeak?.nativeSessionsPerCore, 1)} at eSpeak NG's own rate (no resampling)`, ok: null },
        ...(result.espeak?.sustainedStreams ? [{ part, figure: `eSpeak NG TTFA − one stream's, ${result.espeak.sustainedStreams} concurrent streams (what one server process sustains), p99`, value: `${fmt(result.espeak.sustainedOverheadP99Ms)} ms`, target: "", baseline: `p50 ${fmt(result.espeak.sustainedOverheadP50Ms)} ms; one stream alone p50 ${fmt(result.espeak.aloneTtfaP50Ms)} ms`, ok: null }] : []),
      ];
    case "joins":
      return joinsRows(part, result);
    case "memory":
      return [{ part, figure: `RSS growth over ${fmt(result.tokens, 0)} tokens`, value: `${fmt(result.rssGrowthMb, 1)} MB`, target: "≤ 20 MB", baseline: `RSS after a warm-up run ${fmt(result.baselineRssMb, 1)} MB; heap growth ${fmt(result.heapGrowthMb, 1)} MB; from a cold process +${fmt(result.rssGrowthColdMb, 1)} MB (young generation and JIT, once)`, ok: result.rssGrowthMb <= 20 }];
    case "backends": {
      const skipped = (name, row) => [{ part, figure: name, value: `skipped: ${row.skipped}`, target: "", baseline: "", ok: null }];
      const { llamaCpp, espeak, piper, kokoro } = result;
      const tts = (name, row) => (!row ? [] : row.skipped ? skipped(name, row) : [
        { part, figure: `${name}: time to first audio (warm)`, value: `${fmt(row.ttfaMs, 1)} ms`, target: "", baseline: `load ${fmt(row.loadMs, 0)} ms`, ok: null },
        { part, figure: `${name}: real-time factor`, value: fmt(row.realTimeFactor, 4), target: "", baseline: `${row.samples?.requests} requests, ${fmt(row.samples?.audioSeconds, 1)} s of audio`, ok: null },
        ...(row.firstAfterLoadMs === undefined ? [] : [
          { part, figure: `${name}: time to first audio, first request after load()`, value: `${fmt(row.firstAfterLoadMs, 1)} ms`, target: "", baseline: `load() ${fmt(row.loadCallMs, 0)} ms, warm-up included`, ok: null },
        ]),
      ]);
      return [
        ...(!llamaCpp ? [] : llamaCpp.skipped ? skipped("llama-cpp stories260K", llamaCpp) : [
          { part, figure: "llama-cpp stories260K: time to first token (warm)", value: `${fmt(llamaCpp.ttftMs, 2)} ms`, target: "", baseline: `load ${fmt(llamaCpp.loadMs, 0)} ms (+ ${fmt(llamaCpp.bindingStartMs, 0)} ms binding start, once per process)`, ok: null },
          { part, figure: "llama-cpp stories260K: tokens per second, 1 thread", value: fmt(llamaCpp.tokensPerSecond1Thread, 0), target: "", baseline: `2 threads: ${fmt(llamaCpp.tokensPerSecond2Threads, 0)}`, ok: null },
          ...(llamaCpp.firstAfterLoadMs === undefined ? [] : [
            { part, figure: "llama-cpp stories260K: time to first token, first request after load()", value: `${fmt(llamaCpp.firstAfterLoadMs, 2)} ms`, target: "", baseline: `load() ${fmt(llamaCpp.loadCallMs, 0)} ms, warm-up included`, ok: null },
          ]),
        ]),
        ...tts("tts-espeak", espeak),
        ...tts("tts-piper zero-shot fixture", piper),
        ...tts("tts-kokoro generated test model", kokoro),
      ];
    }
    default:
      return [];
  }
}

/** The joins part: per backend, the "pauses on" figure against its target with "pauses off" of the same run beside it. */
function joinsRows(part, result) {
  const tag = !result.pausesAvailable ? " (pauses not available: on = off)" : result.learnedAvailable === false ? " (default pauses, not learned)" : "";
  return [result.espeak, result.piper].filter(Boolean).flatMap((row) => {
    if (row.skipped) return [{ part, figure: row.tts, value: `skipped: ${row.skipped}`, target: "", baseline: "", ok: null }];
    const { durationRatio: ratio, endJoins, pauses150, pauses250, missingPauses150: missing } = row;
    const sentence = row.pauseByJoinKind?.sentence;
    const noise = row.timingOnly ? "the fixture speaks no punctuation, so its one call has no pauses to match; " : "";
    return [
      {
        part,
        figure: `streamed ÷ one-call duration, ${row.tts}`,
        value: `${fmt(ratio.on, 4)}${tag}`,
        target: "0.99–1.01",
        baseline: `${noise}pauses off ${fmt(ratio.off, 4)}; worst passage on ${fmt(row.worstPassageRatio.on, 4)}, off ${fmt(row.worstPassageRatio.off, 4)}; ${row.passages.length} passages`,
        ok: row.timingOnly ? null : ratio.on >= 0.99 && ratio.on <= 1.01,
      },
      {
        part,
        figure: `sentence-end joins missing their pause, ${row.tts}`,
        value: `${endJoins.on.short} of ${endJoins.on.joins}${tag}`,
        target: "0",
        baseline: `${noise}pauses off ${endJoins.off.short} of ${endJoins.off.joins} (sentence, paragraph and list joins where one call pauses ≥ 150 ms; missing: under half of it)${sentence ? `; sentence joins' median pause one call ${fmt(sentence.oneCallMedianMs, 0)} / off ${fmt(sentence.offMedianMs, 0)} / on ${fmt(sentence.onMedianMs, 0)} ms` : ""}`,
        ok: row.timingOnly ? null : endJoins.on.short === 0,
      },
      {
        part,
        figure: `pauses ≥ 150 ms missing against one call, ${row.tts}`,
        value: `${missing.on} of ${pauses150.oneCall}${tag}`,
        target: "0 missing",
        baseline: `${noise}pauses off ${missing.off} missing; pauses ≥ 150 ms one call ${pauses150.oneCall} / off ${pauses150.off} / on ${pauses150.on}, ≥ 250 ms ${pauses250.oneCall} / ${pauses250.off} / ${pauses250.on}`,
        ok: row.timingOnly ? null : missing.on === 0,
      },
      {
        part,
        figure: `joins with a sample discontinuity, ${row.tts}`,
        value: `${row.discontinuities.on} of ${row.joins.on}${tag}`,
        target: "0",
        baseline: `pauses off ${row.discontinuities.off} of ${row.joins.off}; largest join step ÷ local step on ${fmt(row.worstJumpRatio.on)}, off ${fmt(row.worstJumpRatio.off)}; between audio events inside a segment: on ${row.innerDiscontinuities.on}, off ${row.innerDiscontinuities.off}`,
        ok: row.discontinuities.on === 0,
      },
    ];
  });
}

/** The joins part's detail: per backend, each passage's three renderings, then the pause at each kind of join. */
function joinsMarkdown(result) {
  const out = ["## Segment joins: streamed against the engine's one-call rendering", ""];
  const on = !result.pausesAvailable ? "Pauses not available in this build: the on runs measure the same audio as off." : result.learnedAvailable === false ? "Pauses on: the default pauses (`measurePauseProfile` is not in this build)." : "Pauses on: the engine's pauses learned by `measurePauseProfile`.";
  out.push(`${on} Pauses off: \`pauses: false\`, the audio as the TTS produced it.`, "");
  const ms = (value) => (value === null || value === undefined ? "—" : `${fmt(value, 0)} ms`);
  for (const row of [result.espeak, result.piper].filter(Boolean)) {
    out.push(`### ${row.tts}`, "");
    if (row.skipped) {
      out.push(`Skipped: ${row.skipped}`, "");
      continue;
    }
    if (row.timingOnly) out.push("Random weights: the audio is noise, not speech, so only the durations mean something.", "");
    out.push("| passage | segments off / on | duration one call / off / on | off ÷ one call | on ÷ one call | pauses ≥150 ms one call / off / on | ≥250 ms one call / off / on | sentence-end joins missing their pause, off / on | discontinuities off / on |", "|---|---|---|---|---|---|---|---|---|");
    for (const p of row.passages) {
      out.push(`| ${p.index} (${p.chars} chars) | ${p.segments.off} / ${p.segments.on} | ${fmt(p.durationMs.oneCall, 0)} / ${fmt(p.durationMs.off, 0)} / ${fmt(p.durationMs.on, 0)} ms | ${fmt(p.durationMs.off / p.durationMs.oneCall, 3)} | ${fmt(p.durationMs.on / p.durationMs.oneCall, 3)} | ${p.pauses150.oneCall} / ${p.pauses150.off} / ${p.pauses150.on} | ${p.pauses250.oneCall} / ${p.pauses250.off} / ${p.pauses250.on} | ${p.endJoins.off.short} of ${p.endJoins.off.joins} / ${p.endJoins.on.short} of ${p.endJoins.on.joins} | ${p.discontinuities.off} / ${p.discontinuities.on} |`);
    }
    out.push("", "| join after | joins off / on | median pause, one call | off | on |", "|---|---|---|---|---|");
    for (const [kind, k] of Object.entries(row.pauseByJoinKind)) out.push(`| ${kind} | ${k.joins.off} / ${k.joins.on} | ${ms(k.oneCallMedianMs)} | ${ms(k.offMedianMs)} | ${ms(k.onMedianMs)} |`);
    out.push("");
  }
  return out;
}

export function allRows(results, parts) {
  return parts.flatMap((part) => rowsFor(part, results[part]));
}

function header(meta) {
  return `${meta.date} · ${meta.machine.cpu} · ${meta.machine.cores} cores · ${meta.machine.memoryGb} GB · Node ${meta.machine.node} · ${meta.quick ? "quick run" : "full run"} in ${fmt(meta.durationMs / 1000, 0)} s · load average ${meta.loadAverage.start} → ${meta.loadAverage.end}`;
}

/** The console summary: one aligned line per figure. */
export function consoleSummary(results, parts) {
  const rows = allRows(results, parts);
  const width = (key) => Math.min(48, Math.max(...rows.map((r) => String(r[key]).length)));
  const pad = (text, n) => String(text).padEnd(n);
  const lines = [`voxpipe bench — ${header(results.meta)}`, ""];
  for (const r of rows) {
    lines.push(`${mark(r.ok) || " "} ${pad(r.part, 13)} ${pad(r.figure, width("figure"))}  ${pad(r.value, 12)} ${pad(r.target ? `target ${r.target}` : "", 32)} ${r.baseline}`);
  }
  return lines.join("\n");
}

const cell = (text) => String(text).replaceAll("|", "\\|");

/** The markdown report (latest.md; a full run's copy is reference.md). */
export function markdown(results, parts) {
  const meta = results.meta;
  const out = [];
  out.push(`# voxpipe benchmark — ${meta.quick ? "quick" : "full"} run`, "");
  out.push(`- Date: ${meta.date}`);
  out.push(`- Machine: ${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.memoryGb} GB, ${meta.machine.platform}`);
  out.push(`- Node ${meta.machine.node}; commit ${meta.commit ?? "unknown"}`);
  out.push(`- Duration ${fmt(meta.durationMs / 1000, 0)} s; load average (1 min) ${meta.loadAverage.start} at the start, ${meta.loadAverage.end} at the end`);
  out.push(`- Command: \`${meta.command}\``, "");
  out.push("Every figure is a median or a percentile over repeated runs; the baseline beside it was measured in the same run. See bench/README.md for how each is produced.", "");
  out.push("| | part | figure | measured | target | baseline (same run) |", "|---|---|---|---|---|---|");
  for (const r of allRows(results, parts)) out.push(`| ${mark(r.ok)} | ${r.part} | ${cell(r.figure)} | ${cell(r.value)} | ${cell(r.target)} | ${cell(r.baseline)} |`);
  out.push("");

  const rm = results.realModels;
  if (rm && !rm.skipped && !rm.error) {
    out.push("## Real models: streaming vs whole reply", "", "| LLM | TTS | TTFA streaming | TTFA whole | ratio | floor | over floor |", "|---|---|---|---|---|---|---|");
    for (const row of [rm, ...(rm.extraRows ?? [])]) {
      if (row.skipped) out.push(`| ${row.llm} | ${row.tts} | skipped: ${cell(row.skipped)} | | | | |`);
      else out.push(`| ${row.llm} | ${row.tts} | ${fmt(row.ttfaStreamingMs, 1)} ms | ${fmt(row.ttfaWholeMs, 1)} ms | ${fmt(row.ratio, 1)}× | ${fmt(row.floorMs, 1)} ms | ${fmt(row.overFloorPct, 1)} % |`);
    }
    out.push("", `Reply: ${rm.reply?.tokens ?? "?"} tokens, ${rm.reply?.chars} characters, ${seconds(rm.reply?.audioMs ?? 0)} of audio with ${rm.tts}; first segment ${JSON.stringify(rm.reply?.firstSegment)}. ${rm.pairs} streaming/whole pairs per row, interleaved.`, "");
  }
  const seed = results.seedScenario;
  if (seed && !seed.skipped && !seed.error) {
    out.push("## The PrimeSpeech scenario, measured", "", "| | PrimeSpeech pipeline's budget | voxpipe, measured |", "|---|---|---|");
    out.push(`| whole reply, then speech | 5–9 s | ${seconds(seed.ttfaWholeMs)} |`);
    out.push(`| streaming | 0.8–1.5 s | ${seconds(seed.ttfaStreamingMs)} |`);
    out.push(`| ratio | | ${fmt(seed.ratio, 1)}× |`);
    if (seed.firstSegment) out.push(`| first segment | | ${seed.firstSegment.chars} characters, cut at a ${seed.firstSegment.cutAt}: ${JSON.stringify(seed.firstSegment.text)} |`);
    out.push("");
    out.push(`Doubles: LLM first token ${seed.setup.llm.firstTokenMs} ms at ${seed.setup.llm.tokensPerSecond} tokens/s, a ${seed.replyWords}-word reply (${seconds(seed.replyAudioMs)} of audio at ${seed.setup.tts.msPerChar} ms per character); TTS ${seed.setup.tts.firstChunkMs} ms to first audio, real-time factor ${seed.setup.tts.realTimeFactor}. ${seed.runs} runs.`, "");
  }
  const gaps = results.gaps;
  if (Array.isArray(gaps)) {
    out.push(
      "## Gaps",
      "",
      "Each cell is one session with the default `pipeline.playout.lead: auto`: its first reply holds its first audio by a lead predicted from the TTS's speed measured before it, later replies by the lead learned from the earlier ones.",
      "",
      "| TTS real-time factor | concurrency | RTF ÷ concurrency | gap | waits | lead | TTFA | first reply: gap | first reply: lead | first reply: TTFA | total | audio |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|",
    );
    for (const r of gaps) out.push(`| ${r.realTimeFactor} | ${r.concurrency} | ${fmt(r.realTimeFactor / r.concurrency)} | ${fmt(r.gapMs, 1)} ms | ${r.gaps} | ${fmt(r.leadMs ?? 0, 0)} ms | ${fmt(r.ttfaMs, 0)} ms | ${fmt(r.coldGapMs, 1)} ms | ${fmt(r.coldLeadMs ?? 0, 0)} ms | ${fmt(r.coldTtfaMs, 0)} ms | ${fmt(r.totalMs, 0)} ms | ${fmt(r.audioMs, 0)} ms |`);
    out.push("");
  }
  const joins = results.joins;
  if (joins && !joins.skipped && !joins.error) out.push(...joinsMarkdown(joins));
  const mem = results.memory;
  if (mem && Array.isArray(mem.samples)) {
    out.push("## Long-run memory", "", "| tokens | RSS growth | heap growth |", "|---|---|---|");
    for (const s of mem.samples) out.push(`| ${fmt(s.tokens, 0)}${s.afterRun ? " (run ended)" : ""} | ${fmt(s.rssMb, 1)} MB | ${fmt(s.heapMb, 1)} MB |`);
    out.push("");
  }
  const skipped = parts.filter((p) => results[p]?.skipped || results[p]?.error);
  if (skipped.length) {
    out.push("## Skipped or failed", "");
    for (const p of skipped) out.push(`- ${p}: ${results[p].skipped ? `skipped: ${results[p].skipped}` : `error: ${String(results[p].error).split("\n")[0]}`}`);
    out.push("");
  }
  return out.join("\n");
}
