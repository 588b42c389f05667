import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { staleOutputs } from "./stale-outputs.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-stale-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const touch = (file: string): void => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), "");
};

describe("staleOutputs", () => {
  it("names the outputs in dist/ whose source in src/ is gone, and nothing else", () => {
    for (const file of ["src/kept.ts", "src/deep/also-kept.ts", "src/ambient.d.ts"]) touch(file);
    for (const file of ["kept.js", "kept.js.map", "kept.d.ts", "kept.d.ts.map", "deep/also-kept.js", ".tsbuildinfo", "gone.js", "gone.js.map", "gone.d.ts", "deep/gone-too.d.ts.map"]) touch(`dist/${file}`);
    expect(staleOutputs(dir).sort()).toEqual(["dist/deep/gone-too.d.ts.map", "dist/gone.d.ts", "dist/gone.js", "dist/gone.js.map"].map((file) => path.join(...file.split("/"))));
  });

  it("a package that was never built has none", () => {
    expect(staleOutputs(path.join(dir, "src"))).toEqual([]);
  });
});
