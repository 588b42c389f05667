#!/usr/bin/env node
// Removes the build output (dist/) of every workspace package, so the next `pnpm build` writes it afresh: a cache
// hit then restores exactly the cached files into an empty folder. Node only, so it works wherever pnpm does.
//   pnpm clean
import { existsSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
for (const group of ["packages", "apps", "examples"]) {
  const folder = path.join(root, group);
  if (!existsSync(folder)) continue;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) rmSync(path.join(folder, entry.name, "dist"), { recursive: true, force: true });
  }
}
