import { access } from "node:fs/promises";
import { ModelNotFoundError, type AdapterContext } from "@voxpipe/core";
import { defaultModelUri } from "./llama-cpp-options.js";
import { localCandidates, parseModelSource, resolveCacheDir, resolveModelsDir, type ModelSource } from "./model-source.js";
import { createProgressReporter } from "./download-progress.js";

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
 * progress reported through `context.log`). Throws a `ModelNotFoundError`
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
    throw notFound(query.model, source, searched, modelsDir, cacheDir, context.configDir, "downloads are off (`download: false`)");
  }
  const unreachable = await probe(source.uri, context.env.HF_ENDPOINT, query.probeTimeoutMs ?? 10_000);
  if (unreachable) throw notFound(query.model, source, searched, modelsDir, cacheDir, context.configDir, unreachable);

  context.log("info", `llama-cpp: downloading ${source.uri} into ${cacheDir} (resumable: an interrupted download continues next time)`);
  try {
    const file = await resolveWithLibrary(source.uri, {
      directory: cacheDir,
      cli: false,
      endpoints,
      tokens: context.env.HF_TOKEN ? { huggingFace: context.env.HF_TOKEN } : undefined,
      deleteTempFileOnCancel: false,
      onProgress: createProgressReporter(source.uri, (message) => context.log("info", message)),
      signal: query.signal,
    });
    context.log("info", `llama-cpp: downloaded ${source.uri} to ${file}`);
    return file;
  } catch (error) {
    if (query.signal?.aborted) throw error;
    throw notFound(query.model, source, searched, modelsDir, cacheDir, context.configDir, `the download failed: ${error instanceof Error ? error.message : String(error)}`);
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

function notFound(model: string, source: ModelSource, searched: readonly string[], modelsDir: string | undefined, cacheDir: string, configDir: string, reason?: string): ModelNotFoundError {
  const lines = [
    `llama-cpp: model "${model}" not found${reason ? ` and ${reason}` : ""}. Looked in:`,
    ...searched.map((place) => `  - ${place}`),
  ];
  if (!modelsDir) lines.push("  (no models folder: $VOXPIPE_MODELS_DIR is not set and `modelsDir` is not given)");
  const fixes = source.kind === "file"
    ? `Check the path (relative paths resolve from ${configDir}), copy the file into ${modelsDir ?? "$VOXPIPE_MODELS_DIR"} or ${cacheDir}, or set \`model\` to a Hugging Face URI such as "${defaultModelUri}" to download it on first use.`
    : `Connect to the internet and try again (the file is then kept in ${cacheDir}), or download it yourself${source.fileName ? ` and put ${source.fileName} into ${modelsDir ?? "$VOXPIPE_MODELS_DIR"}` : ""}, e.g. \`npx --no node-llama-cpp pull --directory "${cacheDir}" ${source.uri}\`.`;
  lines.push(fixes);
  return new ModelNotFoundError(lines.join("\n"), searched, "llm");
}
