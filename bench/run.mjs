#!/usr/bin/env node
// voxpipe's benchmark suite. `pnpm bench` (= `pnpm build && node bench/run.mjs`)
// runs every part; `pnpm bench -- --quick` a shorter version of each;
// `--only overhead,cancel` some of them; `--out DIR` writes the results there
// instead of bench/results/. Each part runs in its own Node process started
// with --expose-gc; see bench/README.md for what each part measures.
import { fork, execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { benchDir, repoRoot } from "./lib/paths.mjs";
import { consoleSummary, markdown } from "./lib/report.mjs";

export const PARTS = ["overhead", "realModels", "seedScenario", "gaps", "cancel", "segmenter", "load", "memory", "backends", "server", "joins"];

const usage = `Usage: node bench/run.mjs [--quick] [--only part[,part…]] [--out DIR]
  (from the repository root: pnpm bench [-- --quick] [-- --only overhead,cancel])
Parts: ${PARTS.join(", ")}`;

function parseCli(argv) {
  let values;
  try {
    // A bare "--" is dropped wherever it appears: `pnpm bench -- --quick` passes it through.
    ({ values } = parseArgs({
      args: argv.filter((arg) => arg !== "--"),
      options: { quick: { type: "boolean" }, only: { type: "string", multiple: true }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const only = (values.only ?? []).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
  const unknown = only.filter((p) => !PARTS.includes(p));
  if (unknown.length) {
    console.error(`Unknown part${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}\n${usage}`);
    process.exit(2);
  }
  return { quick: values.quick ?? false, parts: only.length ? PARTS.filter((p) => only.includes(p)) : PARTS, out: resolve(values.out ?? join(benchDir, "results")) };
}

/** Runs one part in a child process; resolves to its result (or { error }). */
function runPart(part, quick) {
  const limitMs = (quick ? 3 : 10) * 60_000;
  return new Promise((resolvePart) => {
    const child = fork(join(benchDir, "lib/part-runner.mjs"), [part, ...(quick ? ["--quick"] : [])], {
      execArgv: ["--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result;
    const timer = setTimeout(() => {
      result = { error: `timed out after ${limitMs / 60_000} min` };
      child.kill("SIGKILL");
    }, limitMs);
    child.on("message", (message) => {
      if (message?.type === "result") result = message.result;
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolvePart(result ?? { error: `the part's process exited (${signal ?? `code ${code}`}) without a result` });
    });
  });
}

function machine() {
  let cpu = cpus()[0]?.model ?? "unknown CPU";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() it is
  }
  return { cpu, cores: availableParallelism(), memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${platform()} ${release()}` };
}

function commit() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

const { quick, parts, out } = parseCli(process.argv.slice(2));
const started = Date.now();
const loadStart = loadavg()[0].toFixed(2);
console.log(`voxpipe bench: ${quick ? "quick" : "full"} run of ${parts.join(", ")}`);
const results = {};
for (const part of parts) {
  const t0 = Date.now();
  process.stdout.write(`- ${part} …\n`);
  results[part] = await runPart(part, quick);
  const status = results[part].skipped ? `skipped: ${results[part].skipped}` : results[part].error ? `error: ${String(results[part].error).split("\n")[0]}` : "done";
  process.stdout.write(`  ${part}: ${status} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
}
results.meta = {
  date: new Date(started).toISOString().replace(/\.\d+Z$/, "Z"),
  quick,
  parts,
  durationMs: Date.now() - started,
  machine: machine(),
  loadAverage: { start: loadStart, end: loadavg()[0].toFixed(2) },
  commit: commit(),
  command: `node bench/run.mjs ${process.argv.slice(2).join(" ")}`.trim(),
};
const ordered = { meta: results.meta, ...Object.fromEntries(parts.map((p) => [p, results[p]])) };

mkdirSync(out, { recursive: true });
writeFileSync(join(out, "latest.json"), `${JSON.stringify(ordered, null, 2)}\n`);
writeFileSync(join(out, "latest.md"), `${markdown(ordered, parts)}\n`);
console.log(`\n${consoleSummary(ordered, parts)}\n`);
console.log(`Wrote ${join(out, "latest.json")} and latest.md`);
