import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Packs every published package the way a release would (scripts/pack-tarballs.mjs, i.e. `pnpm -r pack`) and
// checks what is inside each tarball. Needs a build (`pnpm test` builds first) and pnpm on PATH.
const root = path.resolve(import.meta.dirname, "../..");
const work = mkdtempSync(path.join(tmpdir(), "voxpipe-tarballs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const packageDirs = readdirSync(path.join(root, "packages")).map((name) => `packages/${name}`);
const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(root, dir, "package.json"), "utf8")) as { name: string; version: string };
const tarballName = (name: string, version: string) => `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`;

const out = path.join(work, "tarballs");
execFileSync(process.execPath, [path.join(root, "scripts/pack-tarballs.mjs"), out], { cwd: root, stdio: "pipe" });
// The private packages (the playground, the example adapter) are not published, but `pnpm -r pack` packs them too.
const privateDirs = ["apps/playground", "examples/tts-adapter-example"];
const privateOut = path.join(work, "private");
execFileSync("pnpm", [...privateDirs.flatMap((dir) => ["--filter", `./${dir}`]), "pack", "--pack-destination", privateOut], { cwd: root, stdio: "pipe" });

interface Packed {
  dir: string;
  files: Set<string>;
  manifest: Record<string, unknown> & { name: string };
  read(file: string): string;
}

function unpack(dir: string): Packed {
  const { name, version } = manifestOf(dir);
  const file = [out, path.join(out, "optional"), privateOut].map((folder) => path.join(folder, tarballName(name, version))).find((f) => existsSync(f));
  if (!file) throw new Error(`no tarball for ${name} in ${out}`);
  const target = path.join(work, "unpacked", name);
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", file, "-C", target]);
  const base = path.join(target, "package");
  const files = new Set<string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(path.join(base, at), { withFileTypes: true })) {
      const relative = at ? `${at}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(relative);
      else files.add(relative);
    }
  };
  walk("");
  const read = (f: string) => readFileSync(path.join(base, f), "utf8");
  return { dir, files, manifest: JSON.parse(read("package.json")) as Packed["manifest"], read };
}

/** Every file path an `exports` map (or a `bin`) points at. */
function targetsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(targetsOf);
  return [];
}

const packed = [...packageDirs, ...privateDirs].map(unpack);

describe.each(packed.map((p) => [p.manifest.name, p] as const))("the %s tarball", (_name, pkg) => {
  it("has a README, a LICENSE and a repository field that points at its folder", () => {
    expect(pkg.files).toContain("README.md");
    expect(pkg.files).toContain("LICENSE");
    expect(pkg.read("LICENSE")).toMatch(pkg.manifest.license === "MIT" ? /^MIT License/ : /GNU GENERAL PUBLIC LICENSE/);
    expect(pkg.manifest.repository).toMatchObject({ type: "git", url: expect.stringMatching(/^git\+https:\/\/.+\.git$/), directory: pkg.dir });
  });

  it("is ESM with an exports map whose every target, and every types file, is in the tarball", () => {
    expect(pkg.manifest.type).toBe("module");
    const exports = pkg.manifest.exports as Record<string, unknown>;
    expect(Object.keys(exports)).toContain(".");
    for (const [subpath, entry] of Object.entries(exports)) {
      if (subpath === "./package.json") continue;
      expect(entry, `${subpath} has types`).toHaveProperty("types");
      for (const target of targetsOf(entry)) expect(pkg.files, `${subpath} → ${target}`).toContain(target.replace(/^\.\//, ""));
    }
    for (const target of targetsOf(pkg.manifest.bin)) expect(pkg.files).toContain(target.replace(/^\.\//, ""));
  });

  it("ships no build info, tests or fixtures, and no workspace: ranges", () => {
    const stray = [...pkg.files].filter((f) => /\.tsbuildinfo$|\.test\.ts$|\.live\.ts$|__fixtures__/.test(f));
    expect(stray).toEqual([]);
    expect(pkg.read("package.json")).not.toContain("workspace:");
  });

  it("ships no build output whose source is gone (a stale dist/ left by an earlier build)", () => {
    const output = /\.(?:d\.ts|js)(?:\.map)?$/;
    const stale = [...pkg.files].filter((f) => f.startsWith("dist/") && output.test(f) && !pkg.files.has(`src/${f.slice("dist/".length).replace(output, ".ts")}`));
    expect(stale).toEqual([]);
  });

  it("ships the source every source map and declaration map points at, and no source that was not compiled", () => {
    const maps = [...pkg.files].filter((f) => f.endsWith(".map"));
    expect(maps.length).toBeGreaterThan(0);
    const mapped = new Set<string>();
    for (const map of maps) {
      const { sources } = JSON.parse(pkg.read(map)) as { sources: string[] };
      for (const source of sources) {
        const file = path.posix.normalize(path.posix.join(path.posix.dirname(map), source));
        expect(pkg.files, `${map} → ${source}`).toContain(file);
        mapped.add(file);
      }
    }
    // Ambient declarations (src/*.d.ts) are compiled but emit nothing, so no map names them.
    expect([...pkg.files].filter((f) => f.startsWith("src/") && !f.endsWith(".d.ts") && !mapped.has(f))).toEqual([]);
  });
});

describe("what npm i voxpipe brings in", () => {
  const cli = packed.find((p) => p.manifest.name === "voxpipe")!;
  const heavy = ["@voxpipe/llm-llama-cpp", "@voxpipe/tts-piper", "@voxpipe/tts-kokoro"];

  it("the light first-party adapters as dependencies; llama.cpp, Piper and Kokoro only as optional peers", () => {
    const dependencies = Object.keys(cli.manifest.dependencies as Record<string, string>);
    expect(dependencies).toEqual(expect.arrayContaining(["@voxpipe/core", "@voxpipe/tts-espeak", "@voxpipe/llm-ollama", "@voxpipe/llm-openai", "@voxpipe/tts-openai", "@voxpipe/tts-gpt-sovits"]));
    for (const name of heavy) {
      expect(dependencies).not.toContain(name);
      expect((cli.manifest.peerDependencies as Record<string, string>)[name]).toBe(`^${cli.manifest.version as string}`);
      expect((cli.manifest.peerDependenciesMeta as Record<string, { optional: boolean }>)[name]).toEqual({ optional: true });
    }
  });

  it("the pack script puts the heavy adapters, their onnxruntime worker (and the AI SDK integration) apart, so npm i tarballs/*.tgz installs the command alone", () => {
    const apart = ["voxpipe-ai-sdk-0.1.0.tgz", "voxpipe-llm-llama-cpp-0.1.0.tgz", "voxpipe-onnx-worker-0.1.0.tgz", "voxpipe-tts-kokoro-0.1.0.tgz", "voxpipe-tts-piper-0.1.0.tgz"];
    expect(readdirSync(path.join(out, "optional")).sort()).toEqual(apart.map((n) => n.replace("0.1.0", cli.manifest.version as string)));
    expect(readdirSync(out).filter((n) => n.endsWith(".tgz"))).toHaveLength(packageDirs.length - apart.length);
  });

  it("nothing in tarballs/ depends on a tarball in optional/, so npm i tarballs/*.tgz finds every dependency", () => {
    const main = new Set(readdirSync(out).filter((n) => n.endsWith(".tgz")));
    const apartNames = packed.filter((p) => p.dir.startsWith("packages/") && !main.has(tarballName(p.manifest.name, p.manifest.version as string))).map((p) => p.manifest.name);
    for (const pkg of packed.filter((p) => main.has(tarballName(p.manifest.name, p.manifest.version as string)))) {
      expect(Object.keys((pkg.manifest.dependencies as Record<string, string> | undefined) ?? {}).filter((name) => apartNames.includes(name)), pkg.manifest.name).toEqual([]);
    }
  });
});
