import { VoxpipeError, type RunMetrics } from "@voxpipe/core";
import { parseCommandArgs, UsageError } from "../args.js";
import { watchInterruptions } from "../interruptions.js";
import { openVoxpipe } from "../open-voxpipe.js";
import { checkOutput, openOutput } from "../output-target.js";
import { terminalSafe, terminalSafeJson } from "../terminal-text.js";

export const sayUsage = `Usage: voxpipe say "<prompt>" [options]

Runs the prompt through LLM → segmenter → TTS and writes the audio as a 16-bit PCM WAV.

Options:
  --config FILE       config file (default: ./voxpipe.config.{yaml,yml,json}, else the embedded defaults)
  --out FILE.wav      where to write the audio (default: voxpipe.wav); - streams the WAV to stdout
  --mode MODE         streaming (default) or whole (wait for the full reply: the baseline)
  --json              print one JSON summary as the last line of stdout
  --quiet             no progress lines
  -h, --help          this help

A prompt that starts with "-" goes after "--": voxpipe say -- "-5 degrees outside?"

Exit codes: 0 ok; 1 bad input, config or --out; 2 the run failed or stdout/stderr was closed;
130, 143, 129 stopped by SIGINT (Ctrl-C), SIGTERM, SIGHUP. The WAV is valid at every moment and keeps
all audio produced before a failure or a signal.`;

/** The one-line JSON summary `--json` prints. */
export interface SaySummary {
  mode: "streaming" | "whole";
  ttftMs: number | null;
  firstSegmentMs: number | null;
  ttfaMs: number | null;
  totalMs: number;
  segments: number;
  audioSeconds: number;
  gapMs: number;
  /** How long the first audio was held so the rest plays without gaps (`pipeline.playout`); included in ttfaMs. */
  playoutLeadMs: number;
  /** The WAV's path, or "stdout" for `--out -`. */
  out: string;
  /** Audio cache lookups, when the config turns the cache on. */
  cache?: { hits: number; misses: number; hitRate: number | null };
  /** The TTS backend that spoke each segment (differs from the primary after a failover). */
  backends?: string[];
  error?: { stage: string; code: string; message: string };
}

export async function say(argv: readonly string[], io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    config: { type: "string" },
    out: { type: "string" },
    mode: { type: "string" },
    json: { type: "boolean" },
    quiet: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout(sayUsage);
    return 0;
  }
  const prompt = positionals.join(" ");
  if (!prompt.trim()) throw new UsageError('say needs a prompt, e.g. voxpipe say "Tell me a story"');
  if (values.mode !== undefined && values.mode !== "streaming" && values.mode !== "whole") throw new UsageError(`--mode: expected streaming or whole, received "${values.mode}"`);
  const mode = values.mode as "streaming" | "whole" | undefined;
  const progress = (line: string): void => {
    if (!values.quiet) io.stderr(line);
  };

  if (values.out === "-" && values.json) throw new UsageError("--json prints to stdout, which --out - uses for the audio; drop one of them (the summary is on stderr too)");
  const plan = await checkOutput(values.out ?? "voxpipe.wav");

  const voxpipe = await openVoxpipe(values.config ? { configFile: values.config } : {});
  const sink = await openOutput(plan, voxpipe.tts.format).catch(async (error: unknown) => {
    await voxpipe.dispose();
    throw error;
  });
  const watch = watchInterruptions(() => sink.flushSync());
  let metrics: RunMetrics | undefined;
  let error: SaySummary["error"];
  progress(`voxpipe: ${voxpipe.llm.id} (${voxpipe.llm.model}) → ${voxpipe.tts.id} (${voxpipe.tts.voice}), mode ${mode ?? voxpipe.loaded.config.pipeline.mode}`);
  try {
    for await (const event of voxpipe.run(prompt, { ...(mode ? { mode } : {}), signal: watch.signal })) {
      switch (event.type) {
        case "segment":
          progress(`  [${(event.atMs / 1000).toFixed(2)}s] segment ${event.index}: ${terminalSafe(event.text)}`);
          break;
        case "audio":
          await sink.write(event.pcm, event.sampleRate, event.channels);
          break;
        case "error":
          error = { stage: event.stage, code: event.code, message: event.message };
          io.stderr(`voxpipe: ${event.stage} failed: ${terminalSafe(event.message)}`);
          break;
        case "finish":
          metrics = event.metrics;
          break;
      }
    }
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === "EPIPE") {
      error = { stage: "output", code: "output-closed", message: `--out ${plan.display}: the reader closed the pipe (EPIPE); the WAV it received is valid up to there` };
      io.stderr(`voxpipe: ${error.message}`);
    } else if (!watch.interruption) {
      const failure = VoxpipeError.from(thrown, "pipeline");
      error = { stage: failure.stage, code: failure.code, message: failure.message };
      io.stderr(`voxpipe: ${terminalSafe(failure.message)}`);
    }
  } finally {
    await sink.close(voxpipe.tts.format.sampleRate).catch((closeError: unknown) => {
      const message = closeError instanceof Error ? closeError.message : String(closeError);
      error ??= { stage: "output", code: "output-failed", message: `--out ${plan.display}: ${message}` };
      io.stderr(`voxpipe: --out ${plan.display}: could not finish the WAV: ${message}`);
    });
    await voxpipe.dispose();
    watch.dispose();
  }
  const interruption = watch.interruption;
  if (interruption) error ??= { stage: "pipeline", code: "aborted", message: interruption.cause === "EPIPE" ? "output closed (EPIPE)" : `interrupted by ${interruption.cause}` };
  const summary: SaySummary = {
    mode: metrics?.mode ?? mode ?? voxpipe.loaded.config.pipeline.mode,
    ttftMs: round(metrics?.ttftMs),
    firstSegmentMs: round(metrics?.firstSegmentMs),
    ttfaMs: round(metrics?.ttfaMs),
    totalMs: round(metrics?.totalMs) ?? 0,
    segments: metrics?.segmentCount ?? 0,
    audioSeconds: Math.round(sink.seconds * 1000) / 1000,
    gapMs: round(metrics?.gapMs) ?? 0,
    playoutLeadMs: round(metrics?.playoutLeadMs) ?? 0,
    out: plan.kind === "file" ? plan.file : "stdout",
    ...(metrics && voxpipe.cache ? { cache: metrics.cache } : {}),
    ...(metrics && voxpipe.ttsBackends.length > 1 ? { backends: metrics.segments.map((segment) => segment.backend) } : {}),
    ...(error ? { error } : {}),
  };
  progress(
    `voxpipe: ${summary.segments} segments, ${summary.audioSeconds.toFixed(2)} s of audio → ${summary.out}${interruption ? ` (${error?.message})` : ""}\n` +
      `  time to first token ${fmt(summary.ttftMs)}, first segment ${fmt(summary.firstSegmentMs)}, first audio ${fmt(summary.ttfaMs)}${summary.playoutLeadMs > 0 ? ` (held ${fmt(summary.playoutLeadMs)} as playout lead)` : ""}, total ${fmt(summary.totalMs)}, playback gaps ${fmt(summary.gapMs)}`,
  );
  if (values.json) io.stdout(terminalSafeJson(summary));
  return interruption ? interruption.exitCode : error ? 2 : 0;
}

const round = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : Math.round(value * 10) / 10);
const fmt = (ms: number | null): string => (ms === null ? "–" : `${ms.toFixed(0)} ms`);
