import { access } from "node:fs/promises";
import path from "node:path";
import { ModelNotFoundError, type AdapterContext } from "@voxpipe/core";
import { startProgress } from "@voxpipe/core/adapter-kit";
import { defaultModelUri } from "./llama-cpp-options.js";
import { downloadUrl, localCandidates, parseModelSource, resolveCacheDir, resolveModelsDir, type ModelSource } from "./model-source.js";

/** What {@link resolveModelFile} needs from the options and the adapter context. */
export interface ModelFileQuery {
  model: string;
  modelsDir?: string | undefined;
  cacheDir?: string | undefined;
  download: "auto" | false;
  context: AdapterContext;
  /** Cancels a download (the provider's dispose). */
  signal?: AbortSignal;
  /** How long the reachability check before a download may take. Default 10 s. */
  probeTimeoutMs?: number;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the model file, in order: the explicit path; the models folder
 * ($VOXPIPE_MODELS_DIR); the download cache; a download (URIs only, with
 * progress shown through `context.progress`, else `context.log`). Throws a `ModelNotFoundError`
 * that lists every place looked in and how to get the model.
 */
export async function resolveModelFile(query: ModelFileQuery): Promise<string> {
  const { context } = query;
  const source = parseModelSource(query.model);
  const modelsDir = resolveModelsDir(query.modelsDir, context.configDir, context.env);
  const cacheDir = resolveCacheDir(query.cacheDir, context.configDir, context.env);
  const searched = localCandidates(source, { configDir: context.configDir, modelsDir, cacheDir, env: context.env });
  for (const candidate of searched) {
    if (await exists(candidate)) return candidate;
  }
  if (source.kind === "file") throw notFound(query.model, source, searched, modelsDir, cacheDir, context.configDir);

  const { resolveModelFile: resolveWithLibrary } = await import("node-llama-cpp");
  const endpoints = context.env.HF_ENDPOINT ? { huggingFace: context.env.HF_ENDPOINT } : undefined;
  try {
    return await resolveWithLibrary(source.uri, { directory: cacheDir, download: false, cli: false, endpoints });
  } catch {
    searched.push(`${cacheDir} (download cache)`);
  }
  if (query.download === false) {
    throw notFound(query.model, source, searched, modelsDir, cacheDir, context.configDir, "downloads are off (`download: false`)", context.env);
  }
  const unreachable = await probe(source.uri, context.env.HF_ENDPOINT, query.probeTimeoutMs ?? 10_000);
  if (unreachable) throw notFound(query.model, source, searched, modelsDir, cacheDir, context.configDir, unreachable, context.env);

  context.log("info", `llama-cpp: downloading ${source.uri} into ${cacheDir} (resumable: an interrupted download continues next time)`);
  const progress = startProgress(context, `llama-cpp: downloading ${source.uri}`);
  try {
    const file = await resolveWithLibrary(source.uri, {
      directory: cacheDir,
      cli: false,
      endpoints,
      tokens: context.env.HF_TOKEN ? { huggingFace: context.env.HF_TOKEN } : undefined,
      deleteTempFileOnCancel: false,
      onProgress: ({ totalSize, downloadedSize }) => progress.bytes(downloadedSize, totalSize > 0 ? totalSize : undefined),
      signal: query.signal,
    });
    progress.done();
    context.log("info", `llama-cpp: downloaded ${source.uri} to ${file}`);
    return file;
  } catch (error) {
    progress.failed();
    if (query.signal?.aborted) throw error;
    throw notFound(query.model, source, searched, modelsDir, cacheDir, context.configDir, `the download failed: ${error instanceof Error ? error.message : String(error)}`, context.env);
  }
}

/** Checks that the download host answers at all, so an offline machine gets an error at once instead of a long retry loop. */
async function probe(uri: string, hfEndpoint: string | undefined, timeoutMs: number): Promise<string | undefined> {
  const url = uri.toLowerCase().startsWith("hf:") ? (hfEndpoint ?? "https://huggingface.co/") : new URL(uri).origin;
  try {
    await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
    return undefined;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error instanceof Error ? error.message : String(error));
    return `${url} is not reachable (${cause}); are you offline?`;
  }
}

function notFound(model: string, source: ModelSource, searched: readonly string[], modelsDir: string | undefined, cacheDir: string, configDir: string, reason?: string, env: Readonly<Record<string, string | undefined>> = {}): ModelNotFoundError {
  const lines = [
    `llama-cpp: model "${model}" not found${reason ? ` and ${reason}` : ""}. Looked in:`,
    ...searched.map((place) => `  - ${place}`),
  ];
  if (!modelsDir) lines.push("  (no models folder: $VOXPIPE_MODELS_DIR is not set and `modelsDir` is not given)");
  lines.push(source.kind === "file"
    ? `Check the path (relative paths resolve from ${configDir}), copy the file into ${modelsDir ?? "$VOXPIPE_MODELS_DIR"} or ${cacheDir}, or set \`model\` to a Hugging Face URI such as "${defaultModelUri}" to download it on first use.`
    : `Connect to the internet and try again (the file is then kept in ${cacheDir}), or ${downloadYourself(source, modelsDir, cacheDir, env)}`);
  return new ModelNotFoundError(lines.join("\n"), searched, "llm");
}

/** A download command that works from any folder (curl, not a package's bin), into a place the next run looks in. */
function downloadYourself(source: Extract<ModelSource, { kind: "remote" }>, modelsDir: string | undefined, cacheDir: string, env: Readonly<Record<string, string | undefined>>): string {
  const url = downloadUrl(source, env);
  if (!url || !source.fileName) return `download the .gguf file yourself (${source.uri} names a repository; pick a file there), put it into a folder and set \`model\` to its path.`;
  const folder = modelsDir ?? cacheDir;
  const command = `curl -L --fail -C - --create-dirs -o "${path.join(folder, source.fileName)}" "${url}"`;
  return modelsDir
    ? `download it yourself into the models folder: \`${command}\`.`
    : `download it yourself, then point VOXPIPE_MODELS_DIR at its folder: \`${command}\` and \`export VOXPIPE_MODELS_DIR="${folder}"\`.`;
}
