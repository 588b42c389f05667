import { ConfigError } from "../errors/voxpipe-error.js";

type Env = Readonly<Record<string, string | undefined>>;

interface Override {
  /** Environment variable names; the first is voxpipe's, the rest are the seed pipeline's aliases. */
  names: string[];
  /** Key path in the config. */
  path: string[];
  parse: (value: string, name: string) => unknown;
}

const bool = (value: string, name: string): boolean => {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`Environment variable ${name}: expected true or false, received "${value}".`, [`${name}: expected true or false, received "${value}"`]);
};
const int = (value: string, name: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new ConfigError(`Environment variable ${name}: expected a whole number, received "${value}".`, [`${name}: expected a whole number, received "${value}"`]);
  return n;
};
const seconds = (value: string, name: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`Environment variable ${name}: expected seconds (e.g. 0.3), received "${value}".`, [`${name}: expected seconds, received "${value}"`]);
  return Math.round(n * 1000);
};

/** The environment variables that override config keys (voxpipe's names first, then the seed pipeline's). */
export const envOverrides: readonly Override[] = [
  { names: ["VOXPIPE_STREAMING", "LLM_ENABLE_STREAMING"], path: ["pipeline", "mode"], parse: (v, n) => (bool(v, n) ? "streaming" : "whole") },
  { names: ["VOXPIPE_MODE"], path: ["pipeline", "mode"], parse: (v) => v },
  { names: ["VOXPIPE_SEGMENTATION", "ENABLE_INTERNAL_SEGMENTATION"], path: ["segmenter", "enabled"], parse: bool },
  { names: ["VOXPIPE_MAX_SEGMENT_LENGTH", "TTS_MAX_SEGMENT_LENGTH"], path: ["segmenter", "maxLength"], parse: int },
  { names: ["VOXPIPE_MIN_SEGMENT_LENGTH", "TTS_MIN_SEGMENT_LENGTH"], path: ["segmenter", "minLength"], parse: int },
  { names: ["VOXPIPE_FRAGMENTS", "RETURN_FRAGMENT"], path: ["pipeline", "fragments", "enabled"], parse: bool },
  { names: ["VOXPIPE_FRAGMENT_INTERVAL", "FRAGMENT_INTERVAL"], path: ["pipeline", "fragments", "intervalMs"], parse: seconds },
  { names: ["VOXPIPE_TTS_CONCURRENCY"], path: ["pipeline", "ttsConcurrency"], parse: int },
  { names: ["VOXPIPE_LOG_LEVEL"], path: ["log", "level"], parse: (v) => v },
];

/**
 * Applies environment overrides to a raw (unvalidated) config object and
 * returns a new object plus the list of variables applied. Values are then
 * validated with the rest of the config.
 */
export function applyEnvOverrides(raw: Record<string, unknown>, env: Env): { config: Record<string, unknown>; applied: string[] } {
  const config = structuredClone(raw);
  const applied: string[] = [];
  for (const override of envOverrides) {
    const name = override.names.find((n) => env[n] !== undefined && env[n] !== "");
    if (!name) continue;
    const value = override.parse(env[name] as string, name);
    let node = config as Record<string, unknown>;
    for (const key of override.path.slice(0, -1)) {
      const child = node[key];
      if (typeof child !== "object" || child === null || Array.isArray(child)) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[override.path.at(-1) as string] = value;
    applied.push(`${name} → ${override.path.join(".")}`);
  }
  return { config, applied };
}
