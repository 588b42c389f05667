import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../errors/voxpipe-error.js";
import { loadAdapter } from "./load-adapter.js";

// Tiny third-party adapter packages, written the ways packages are published, in a temp folder that has
// @voxpipe/core and zod in its node_modules (linked to this workspace's), as an installed project would.
const coreDir = path.resolve(import.meta.dirname, "../..");
const root = realpathSync(mkdtempSync(path.join(tmpdir(), "voxpipe-adapters-")));
const nodeModules = path.join(root, "project", "node_modules");
const configDir = path.join(root, "project", "configs");
mkdirSync(path.join(nodeModules, "@voxpipe"), { recursive: true });
mkdirSync(configDir, { recursive: true });
symlinkSync(coreDir, path.join(nodeModules, "@voxpipe", "core"), "dir");
symlinkSync(realpathSync(path.join(coreDir, "node_modules", "zod")), path.join(nodeModules, "zod"), "dir");
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes a package folder: `files` maps a relative path to its text; objects are written as JSON. */
function writePackage(dir: string, files: Record<string, string | object>): string {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

const esmBody = (id: string, kind = "tts") =>
  `import { defineAdapter } from "@voxpipe/core";\nimport { z } from "zod";\n` +
  `export default defineAdapter({ kind: "${kind}", id: "${id}", optionsSchema: z.object({}), create: () => { throw new Error("not used here"); } });\n`;
const cjsBody = (id: string, assign: string) =>
  `const { defineAdapter } = require("@voxpipe/core");\nconst { z } = require("zod");\n` +
  `${assign} = defineAdapter({ kind: "tts", id: "${id}", optionsSchema: z.object({}), create: () => { throw new Error("not used here"); } });\n`;

writePackage(path.join(nodeModules, "esm-only-adapter"), {
  "package.json": { name: "esm-only-adapter", version: "1.0.0", type: "module", exports: { ".": { import: "./index.js" } } },
  "index.js": esmBody("esm-only"),
});
writePackage(path.join(nodeModules, "@acme", "tts-scoped"), {
  "package.json": { name: "@acme/tts-scoped", version: "1.0.0", type: "module", exports: { ".": { types: "./index.d.ts", import: "./dist/index.js" }, "./extra": { import: "./dist/extra.js" } } },
  "dist/index.js": esmBody("scoped"),
  "dist/extra.js": `export { default as second } from "./index.js";\n`,
});
writePackage(path.join(nodeModules, "cjs-adapter"), {
  "package.json": { name: "cjs-adapter", version: "1.0.0", main: "lib/main.js" },
  "lib/main.js": cjsBody("cjs", "module.exports"),
});
writePackage(path.join(nodeModules, "cjs-compiled-adapter"), {
  "package.json": { name: "cjs-compiled-adapter", version: "1.0.0", exports: { ".": { require: "./index.cjs" } } },
  "index.cjs": `"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n${cjsBody("cjs-compiled", "exports.default")}`,
});
writePackage(path.join(nodeModules, "broken-adapter"), {
  "package.json": { name: "broken-adapter", version: "1.0.0", type: "module", exports: { ".": { import: "./missing.js" } } },
});
writePackage(path.join(root, "project", "my-adapter"), {
  "package.json": { name: "my-adapter", version: "0.0.1", type: "module", exports: { ".": { import: "./src/index.js" } } },
  "src/index.js": esmBody("my-folder"),
});
writePackage(path.join(configDir, "main-adapter"), {
  "package.json": { name: "main-adapter", type: "module", main: "entry.js" },
  "entry.js": esmBody("main-folder"),
});
writePackage(path.join(configDir, "plain-folder"), { "index.js": esmBody("plain-folder") });
writePackage(configDir, { "single-file.mjs": esmBody("single-file") });

// As the cli searches: the config's folder, then the working directory (here the same project).
const searchFrom = [configDir, path.join(root, "project")];
const load = (use: string) => loadAdapter(use, "tts", { searchFrom, key: "tts.use" });
async function failure(use: string): Promise<ConfigError> {
  const error = await load(use).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof ConfigError) return error;
  throw new Error(`expected a ConfigError for ${use}, got ${String(error)}`);
}

describe("loadAdapter: third-party packages resolve however they are published", () => {
  const cases: [string, string, string][] = [
    ["an ESM-only package (exports with the import condition only)", "esm-only-adapter", "esm-only"],
    ["a scoped ESM package's default export", "@acme/tts-scoped", "scoped"],
    ["a subpath of an ESM package's exports, with a named export", "@acme/tts-scoped/extra#second", "scoped"],
    ["a CommonJS package (main, module.exports)", "cjs-adapter", "cjs"],
    ["a CommonJS package with require-only exports and a compiled exports.default", "cjs-compiled-adapter", "cjs-compiled"],
    ["a package folder given as a path relative to the config's folder", "../my-adapter", "my-folder"],
    ["a package folder whose package.json has main and no exports", "./main-adapter", "main-folder"],
    ["a folder with an index.js and no package.json", "./plain-folder", "plain-folder"],
    ["a single file", "./single-file.mjs", "single-file"],
    ["an absolute package folder path", path.join(root, "project", "my-adapter"), "my-folder"],
    ["voxpipe's own test double through core's exports", "@voxpipe/core/testing#syntheticTts", "synthetic-tts"],
  ];
  for (const [name, use, id] of cases) {
    it(name, async () => {
      const definition = await load(use);
      expect(definition.kind).toBe("tts");
      expect(definition.id).toBe(id);
    });
  }
});

describe("loadAdapter: what is missing or broken gets one line that says what to do", () => {
  it("an optional first-party adapter that is not installed names the install command", async () => {
    const error = await failure("@voxpipe/tts-piper");
    expect(error.issues).toEqual([
      'tts.use: the adapter "@voxpipe/tts-piper" is not installed. Install it beside voxpipe: ONNXRUNTIME_NODE_INSTALL=skip npm i @voxpipe/tts-piper (npm i -g for a global voxpipe).',
    ]);
  });

  it("an unknown package names where it looked and what exists", async () => {
    const error = await failure("tts-nowhere#voice");
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatch(/^tts\.use: cannot find the adapter package "tts-nowhere" \(looked in .*configs, .*\)\. Install it \(npm i tts-nowhere\) or fix the name; voxpipe's tts adapters: @voxpipe\/tts-espeak/);
  });

  it("a package that is installed but whose entry is missing is not called 'not installed'", async () => {
    const error = await failure("broken-adapter");
    expect(error.issues[0]).toMatch(/^tts\.use: the adapter "broken-adapter" is at .*node_modules\/broken-adapter but cannot be loaded: .*missing\.js/);
  });

  it("a relative path that does not exist names the absolute path and the folder it started from", async () => {
    const error = await failure("./no-such-adapter");
    expect(error.issues).toEqual([`tts.use: there is no file or folder at ${path.join(configDir, "no-such-adapter")} (a relative path starts from the config file's folder, ${configDir}).`]);
  });

  it("a package of the other kind says which kind it is", async () => {
    writePackage(path.join(nodeModules, "llm-only-adapter"), {
      "package.json": { name: "llm-only-adapter", type: "module", exports: "./index.js" },
      "index.js": esmBody("llm-only", "llm"),
    });
    const error = await failure("llm-only-adapter");
    expect(error.issues[0]).toMatch(/tts\.use: "llm-only-adapter" is a llm adapter, but tts needs a tts adapter/);
  });
});
