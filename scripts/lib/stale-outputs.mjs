// Build outputs (dist/) left behind by sources that no longer exist: tsc never deletes them, and turbo restores
// cached outputs on top of what is already in dist/, so a working tree can hold them and a tarball would ship them.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const OUTPUT = /\.(?:d\.ts|js)(?:\.map)?$/;

/** The files in `packageDir/dist` (relative to `packageDir`) that no source in `packageDir/src` compiles to. */
export function staleOutputs(packageDir) {
  const dist = path.join(packageDir, "dist");
  if (!existsSync(dist)) return [];
  const stale = [];
  const walk = (relative) => {
    for (const entry of readdirSync(path.join(dist, relative), { withFileTypes: true })) {
      const file = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (OUTPUT.test(entry.name) && !existsSync(path.join(packageDir, "src", file.replace(OUTPUT, ".ts")))) stale.push(path.join("dist", file));
    }
  };
  walk("");
  return stale;
}
