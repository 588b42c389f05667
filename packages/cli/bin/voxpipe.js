#!/usr/bin/env node
// The `voxpipe` command. A launcher kept in the repository (not dist/bin.js itself) so that package
// managers link it on install, before the first build: `pnpm voxpipe …` at the repo root then runs it
// directly, with nothing printed before the command's own output.
import { fileURLToPath } from "node:url";

const entry = new URL("../dist/bin.js", import.meta.url);
try {
  await import(entry.href);
} catch (error) {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes(fileURLToPath(entry))) {
    console.error("voxpipe: the command is not built yet: run `pnpm build` in the repository first.");
    process.exit(1);
  }
  throw error;
}
