// Where things are: the repository, the built packages, the model fixtures.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const benchDir = join(repoRoot, "bench");

/** The built entry of a workspace package, e.g. dist("packages/core", "testing/index.js"). */
export function distFile(packageDir, file = "index.js") {
  return join(repoRoot, packageDir, "dist", file);
}

/**
 * Imports a built file if it is there. Resolves to `{ module }`, or to
 * `{ skipped }` with the reason (not built yet, or failing to load) so a part
 * can report "skipped: <reason>" instead of failing the whole suite.
 */
export async function importIfBuilt(file, what) {
  if (!existsSync(file)) {
    return { skipped: `${what} is not built (${file.slice(repoRoot.length + 1)} missing; run \`pnpm build\`)` };
  }
  try {
    return { module: await import(pathToFileURL(file).href) };
  } catch (error) {
    return { skipped: `${what} failed to load: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
  }
}

/** The model fixtures folder, $VOXPIPE_MODELS_DIR (absolute), or undefined when it is not set. */
export function modelsDir() {
  return process.env.VOXPIPE_MODELS_DIR ? resolve(process.env.VOXPIPE_MODELS_DIR) : undefined;
}

/** Why a part that needs the model fixtures skips when $VOXPIPE_MODELS_DIR is not set. */
export const modelsDirUnset = "VOXPIPE_MODELS_DIR is not set (`pnpm fixtures` downloads the test models into ./models; then export VOXPIPE_MODELS_DIR=\"$PWD/models\")";

/**
 * @voxpipe/core's main entry, its test doubles, and the pipeline options a user
 * gets from an empty config (segmenter settings, TTS concurrency), which every
 * part passes so the figures describe voxpipe as it ships.
 */
export async function loadCore() {
  const core = await import(pathToFileURL(distFile("packages/core")).href);
  const testing = await import(pathToFileURL(distFile("packages/core", "testing/index.js")).href);
  const config = core.configSchema.parse({});
  const { enabled: _enabled, ...segmenter } = config.segmenter;
  const defaults = { segmenter, ttsConcurrency: config.pipeline.ttsConcurrency };
  return { core, testing, defaults };
}
