#!/usr/bin/env node
// Packs voxpipe's published packages (packages/*) into npm-installable tarballs, until they are on the npm registry.
//   pnpm pack:tarballs [FOLDER]        (default: ./tarballs; cleans every dist/ and builds first)
//   node scripts/pack-tarballs.mjs [FOLDER]   (packs the dist/ folders as they are; refuses outputs whose source is gone)
// FOLDER/*.tgz is `voxpipe` and everything it depends on: `npm i FOLDER/*.tgz` (add -g for a global command).
// FOLDER/optional/ holds the heavy adapters (llama.cpp, Piper, Kokoro), the onnxruntime worker the last two share, and the
// AI SDK integration, installed beside it only when wanted (the printed command for Piper or Kokoro names the worker too).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { staleOutputs } from "./lib/stale-outputs.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2).filter((arg) => arg !== "--");
const out = path.resolve(process.cwd(), args[0] ?? path.join(root, "tarballs"));
const optional = ["voxpipe-llm-llama-cpp-", "voxpipe-tts-piper-", "voxpipe-tts-kokoro-", "voxpipe-onnx-worker-", "voxpipe-ai-sdk-"];
/** Optional tarballs that are installed only with another one, and the prefix of the one that needs them. */
const onnxWorker = "voxpipe-onnx-worker-";
const needsOnnxWorker = ["voxpipe-tts-piper-", "voxpipe-tts-kokoro-"];

const packageDirs = readdirSync(path.join(root, "packages")).map((name) => path.join(root, "packages", name));
const stale = packageDirs.flatMap((dir) => staleOutputs(dir).map((file) => path.relative(root, path.join(dir, file))));
if (stale.length > 0) {
  console.error(`pack-tarballs: these build outputs have no source any more (left by an earlier build), and would be packed:\n  ${stale.join("\n  ")}\nRun \`pnpm pack:tarballs\` (it cleans and rebuilds first), or \`pnpm clean && pnpm build\` and pack again.`);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, "optional"), { recursive: true });
const pnpm = process.platform === "win32" ? "pnpm.cmd" : "pnpm";
execFileSync(pnpm, ["-r", "--filter", "./packages/*", "pack", "--pack-destination", out], { cwd: root, stdio: ["ignore", "ignore", "inherit"], shell: process.platform === "win32" });
const tarballs = readdirSync(out).filter((name) => name.endsWith(".tgz"));
for (const name of tarballs) {
  if (optional.some((prefix) => name.startsWith(prefix))) renameSync(path.join(out, name), path.join(out, "optional", name));
}
const main = readdirSync(out).filter((name) => name.endsWith(".tgz"));
const heavy = readdirSync(path.join(out, "optional"));
console.log(`voxpipe and its dependencies (${main.length} tarballs): npm i ${path.join(out, "*.tgz")}`);
const worker = heavy.find((name) => name.startsWith(onnxWorker));
for (const name of heavy) {
  if (name === worker) continue;
  const onnx = needsOnnxWorker.some((prefix) => name.startsWith(prefix));
  const files = onnx && worker ? [worker, name] : [name];
  console.log(`optional: ${onnx ? "ONNXRUNTIME_NODE_INSTALL=skip " : ""}npm i ${files.map((file) => path.join(out, "optional", file)).join(" ")}`);
}
