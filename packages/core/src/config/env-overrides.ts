type Env = Readonly<Record<string, string | undefined>>;

/** A value read from a variable, or what was expected when it could not be read. */
type Parsed = { value: unknown } | { expected: string };

interface Override {
  /** Environment variable names; the first is voxpipe's, the rest are older pipelines' names. */
  names: string[];
  /** Key path in the config. */
  path: string[];
  /** Turns the variable's text into the config value. */
  parse: (value: string) => Parsed;
  /** Said beside the variable when its value is converted (e.g. seconds to ms). */
  note?: string;
}

const bool = (value: string): Parsed => {
  if (/^(1|true|yes|on)$/i.test(value)) return { value: true };
  if (/^(0|false|no|off)$/i.test(value)) return { value: false };
  return { expected: "true or false (also 1/0, yes/no, on/off)" };
};
const int = (value: string): Parsed => {
  const n = value.trim() === "" ? Number.NaN : Number(value);
  return Number.isSafeInteger(n) ? { value: n } : { expected: "a whole number" };
};
const seconds = (value: string): Parsed => {
  const n = value.trim() === "" ? Number.NaN : Number(value);
  return Number.isFinite(n) && n > 0 && n <= 1e6 ? { value: Math.round(n * 1000) } : { expected: "a number of seconds above 0 (e.g. 0.3)" };
};
const text = (value: string): Parsed => ({ value });

/** The environment variables that override config keys (voxpipe's names first, then older pipelines' names). */
export const envOverrides: readonly Override[] = [
  { names: ["VOXPIPE_STREAMING", "LLM_ENABLE_STREAMING"], path: ["pipeline", "mode"], parse: (v) => { const b = bool(v); return "value" in b ? { value: b.value ? "streaming" : "whole" } : b; } },
  { names: ["VOXPIPE_MODE"], path: ["pipeline", "mode"], parse: text },
  { names: ["VOXPIPE_SEGMENTATION", "ENABLE_INTERNAL_SEGMENTATION"], path: ["segmenter", "enabled"], parse: bool },
  { names: ["VOXPIPE_MAX_SEGMENT_LENGTH", "TTS_MAX_SEGMENT_LENGTH"], path: ["segmenter", "maxLength"], parse: int },
  { names: ["VOXPIPE_MIN_SEGMENT_LENGTH", "TTS_MIN_SEGMENT_LENGTH"], path: ["segmenter", "minLength"], parse: int },
  { names: ["VOXPIPE_FRAGMENTS", "RETURN_FRAGMENT"], path: ["pipeline", "fragments", "enabled"], parse: bool },
  { names: ["VOXPIPE_FRAGMENT_INTERVAL", "FRAGMENT_INTERVAL"], path: ["pipeline", "fragments", "intervalMs"], parse: seconds, note: "given in seconds, the key is in ms" },
  { names: ["VOXPIPE_TTS_CONCURRENCY"], path: ["pipeline", "ttsConcurrency"], parse: int },
  { names: ["VOXPIPE_LOG_LEVEL"], path: ["log", "level"], parse: text },
];

/** What `applyEnvOverrides` did. */
export interface AppliedEnvOverrides {
  /** The config with the overrides written in (a copy; the input is not changed). */
  config: Record<string, unknown>;
  /** The variables applied, e.g. `RETURN_FRAGMENT → pipeline.fragments.enabled`. */
  applied: string[];
  /** Key path (`pipeline.mode`) → the variable that set it, as messages name it (`VOXPIPE_MODE="fast" (environment variable, sets pipeline.mode)`). */
  sources: Map<string, string>;
  /** Variables whose text could not be read at all, e.g. `RETURN_FRAGMENT="maybe": expected true or false …`. */
  issues: string[];
}

/**
 * Applies environment overrides to a raw (unvalidated) config object. Values
 * are then validated with the rest of the config; `sources` lets those
 * messages name the variable rather than the key it set.
 */
export function applyEnvOverrides(raw: Record<string, unknown>, env: Env): AppliedEnvOverrides {
  const config = structuredClone(raw);
  const applied: string[] = [];
  const sources = new Map<string, string>();
  const issues: string[] = [];
  for (const override of envOverrides) {
    const name = override.names.find((n) => env[n] !== undefined && env[n] !== "");
    if (!name) continue;
    const text = env[name] as string;
    const shown = `${name}=${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`;
    const label = `${shown} (environment variable, sets ${override.path.join(".")}${override.note ? `; ${override.note}` : ""})`;
    const parsed = override.parse(text);
    if ("expected" in parsed) {
      issues.push(`${label}: expected ${parsed.expected}`);
      continue;
    }
    let node = config as Record<string, unknown>;
    for (const key of override.path.slice(0, -1)) {
      const child = node[key];
      if (typeof child !== "object" || child === null || Array.isArray(child)) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[override.path.at(-1) as string] = parsed.value;
    applied.push(`${name} → ${override.path.join(".")}`);
    sources.set(override.path.join("."), label);
  }
  return { config, applied, sources, issues };
}
