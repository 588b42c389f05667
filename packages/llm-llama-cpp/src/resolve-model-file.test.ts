import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ModelNotFoundError, type AdapterContext } from "@voxpipe/core";
import { downloadUrl, parseModelSource, resolveCacheDir } from "./model-source.js";
import { resolveModelFile } from "./resolve-model-file.js";

let root: string;
const logs: string[] = [];

function contextFor(env: Record<string, string | undefined>): AdapterContext {
  return { configDir: path.join(root, "config"), env: { HOME: path.join(root, "home"), ...env }, log: (_level, message) => logs.push(message) };
}

async function touch(file: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, "GGUF");
  return file;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "voxpipe-llama-resolve-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("parseModelSource", () => {
  it("reads file names out of paths, hf: URIs and URLs", () => {
    expect(parseModelSource("llm/stories260K.gguf")).toEqual({ kind: "file", path: "llm/stories260K.gguf", fileName: "stories260K.gguf" });
    expect(parseModelSource("hf:Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf")).toMatchObject({ kind: "remote", fileName: "Qwen3-0.6B-Q8_0.gguf" });
    expect(parseModelSource("hf:Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf#main")).toMatchObject({ fileName: "Qwen3-0.6B-Q8_0.gguf" });
    expect(parseModelSource("hf:unsloth/Qwen3-0.6B-GGUF:Q4_K_M")).toMatchObject({ kind: "remote", fileName: undefined });
    expect(parseModelSource("https://example.com/a/b%20c.gguf?download=true")).toMatchObject({ kind: "remote", fileName: "b c.gguf" });
  });
});

describe("resolveCacheDir", () => {
  it("prefers the option, then $VOXPIPE_CACHE_DIR, then $XDG_CACHE_HOME, then ~/.cache", () => {
    expect(resolveCacheDir("cache", "/cfg", {})).toBe("/cfg/cache");
    expect(resolveCacheDir(undefined, "/cfg", { VOXPIPE_CACHE_DIR: "/v" })).toBe("/v");
    expect(resolveCacheDir(undefined, "/cfg", { XDG_CACHE_HOME: "/x" })).toBe("/x/voxpipe/models");
    expect(resolveCacheDir(undefined, "/cfg", { HOME: "/h" })).toBe("/h/.cache/voxpipe/models");
  });
});

describe("resolveModelFile", () => {
  it("finds an explicit path relative to the config's folder", async () => {
    const file = await touch(path.join(root, "config", "models", "a.gguf"));
    expect(await resolveModelFile({ model: "models/a.gguf", download: false, context: contextFor({}) })).toBe(file);
  });

  it("then looks in $VOXPIPE_MODELS_DIR under the file name and llm/<name>", async () => {
    const file = await touch(path.join(root, "shared", "llm", "b.gguf"));
    expect(await resolveModelFile({ model: "somewhere/b.gguf", download: false, context: contextFor({ VOXPIPE_MODELS_DIR: path.join(root, "shared") }) })).toBe(file);
    expect(await resolveModelFile({ model: "llm/b.gguf", download: false, context: contextFor({ VOXPIPE_MODELS_DIR: path.join(root, "shared") }) })).toBe(file);
  });

  it("lets `modelsDir` stand in for $VOXPIPE_MODELS_DIR", async () => {
    const file = await touch(path.join(root, "mine", "c.gguf"));
    expect(await resolveModelFile({ model: "c.gguf", modelsDir: "../mine", download: false, context: contextFor({ VOXPIPE_MODELS_DIR: "/nowhere" }) })).toBe(file);
  });

  it("then looks in the download cache", async () => {
    const file = await touch(path.join(root, "home", ".cache", "voxpipe", "models", "d.gguf"));
    expect(await resolveModelFile({ model: "/gone/d.gguf", download: false, context: contextFor({}) })).toBe(file);
  });

  it("finds an hf: model in the models folder by its file name, without the network", async () => {
    const file = await touch(path.join(root, "shared", "llm", "Qwen3-0.6B-Q8_0.gguf"));
    expect(await resolveModelFile({ model: "hf:Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf", download: false, context: contextFor({ VOXPIPE_MODELS_DIR: path.join(root, "shared") }) })).toBe(file);
  });

  it("finds an hf: model node-llama-cpp downloaded into the cache", async () => {
    const file = await touch(path.join(root, "cache2", "hf_Qwen_Qwen3-0.6B-Q8_0.gguf"));
    expect(await resolveModelFile({ model: "hf:Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf", cacheDir: path.join(root, "cache2"), download: false, context: contextFor({}) })).toBe(file);
  });

  it("a missing file: a ModelNotFoundError that lists every place looked in and how to get the model", async () => {
    const context = contextFor({ VOXPIPE_MODELS_DIR: path.join(root, "shared") });
    const error = await resolveModelFile({ model: "nope/missing.gguf", download: "auto", context }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    const { message, searched, stage } = error as ModelNotFoundError;
    expect(stage).toBe("llm");
    expect(searched).toEqual([
      path.join(root, "config", "nope", "missing.gguf"),
      path.join(root, "shared", "nope", "missing.gguf"),
      path.join(root, "shared", "missing.gguf"),
      path.join(root, "shared", "llm", "missing.gguf"),
      path.join(root, "home", ".cache", "voxpipe", "models", "missing.gguf"),
    ]);
    for (const place of searched) expect(message).toContain(place);
    expect(message).toContain("hf:Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf");
  });

  it("says when no models folder is set", async () => {
    const error = await resolveModelFile({ model: "missing.gguf", download: false, context: contextFor({}) }).catch((e: unknown) => e);
    expect((error as Error).message).toContain("$VOXPIPE_MODELS_DIR is not set");
  });

  it("an hf: URI with downloads off: names the cache and a download command", async () => {
    const error = await resolveModelFile({ model: "hf:Qwen/Qwen3-0.6B-GGUF/Qwen3-0.6B-Q8_0.gguf", cacheDir: path.join(root, "empty-cache"), download: false, context: contextFor({}) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    expect((error as Error).message).toContain("downloads are off");
    expect((error as Error).message).toContain(
      `\`curl -L --fail -C - --create-dirs -o "${path.join(root, "empty-cache", "Qwen3-0.6B-Q8_0.gguf")}" "https://huggingface.co/Qwen/Qwen3-0.6B-GGUF/resolve/main/Qwen3-0.6B-Q8_0.gguf"\` and \`export VOXPIPE_MODELS_DIR="${path.join(root, "empty-cache")}"\``,
    );
  });

  it.skipIf(!existsSync("/usr/bin/curl") && !existsSync("/bin/curl"))("the suggested download command works from any folder, and the next run finds the file (a local server on 127.0.0.1)", async () => {
    const body = "GGUF from the local server";
    const server = createHttpServer((request, response) => {
      if (request.url === "/acme/tiny-GGUF/resolve/main/tiny.gguf") response.writeHead(200, { "content-length": body.length }).end(body);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const env = { HF_ENDPOINT: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
      const query = { model: "hf:acme/tiny-GGUF/tiny.gguf", cacheDir: path.join(root, "suggested-cache"), download: false as const };
      const error = await resolveModelFile({ ...query, context: contextFor(env) }).catch((e: unknown) => e);
      const [, command, folder] = /`(curl [^`]+)` and `export VOXPIPE_MODELS_DIR="([^"]+)"`/.exec((error as Error).message) ?? [];
      expect(command).toBeDefined();
      const elsewhere = await mkdtemp(path.join(tmpdir(), "voxpipe-somewhere-else-"));
      await new Promise((resolve, reject) => execFile("sh", ["-c", command as string], { cwd: elsewhere }, (e) => (e ? reject(e) : resolve(undefined))));
      expect(await resolveModelFile({ ...query, context: contextFor({ ...env, VOXPIPE_MODELS_DIR: folder }) })).toBe(path.join(root, "suggested-cache", "tiny.gguf"));
      await rm(elsewhere, { recursive: true, force: true });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("maps hf: URIs and URLs to the plain address a download command uses", () => {
    expect(downloadUrl(parseModelSource("hf:a/b/sub/c d.gguf#v2"), {})).toBe("https://huggingface.co/a/b/resolve/v2/sub/c%20d.gguf");
    expect(downloadUrl(parseModelSource("hf:a/b/c.gguf"), { HF_ENDPOINT: "http://127.0.0.1:9/" })).toBe("http://127.0.0.1:9/a/b/resolve/main/c.gguf");
    expect(downloadUrl(parseModelSource("https://example.com/m.gguf"), {})).toBe("https://example.com/m.gguf");
    expect(downloadUrl(parseModelSource("hf:a/b:Q4_K_M"), {})).toBeUndefined();
  });

  it("offline: fails at once with ModelNotFoundError instead of retrying a download for minutes", async () => {
    const port = await closedPort();
    const started = performance.now();
    const error = await resolveModelFile({ model: `http://127.0.0.1:${port}/m/model.gguf`, cacheDir: path.join(root, "empty-cache"), download: "auto", context: contextFor({}), probeTimeoutMs: 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    expect((error as Error).message).toMatch(/not reachable .*offline/);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
