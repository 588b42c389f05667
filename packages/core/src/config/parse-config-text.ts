import { parse as parseYaml, YAMLParseError } from "yaml";
import { ConfigError } from "../errors/voxpipe-error.js";
import { MAX_CONFIG_NESTING, findDeepBrackets, findDeepIndentation, findDeepValue, findDuplicateJsonKey } from "./config-text-structure.js";

function tooDeep(file: string, where: string): ConfigError {
  const message = `${file}: nested more than ${MAX_CONFIG_NESTING} levels deep (${where}); a voxpipe config needs at most a few levels. Check that this is the right file.`;
  return new ConfigError(message, [`${where}: expected at most ${MAX_CONFIG_NESTING} levels of nesting, found more`]);
}

/**
 * Parses the text of a config file (YAML, or JSON for a `.json` name) into a
 * plain object, with errors that name the file and line. A leading byte-order
 * mark is ignored; a key repeated in one mapping and nesting deeper than
 * `MAX_CONFIG_NESTING` levels are errors, in JSON as in YAML.
 */
export function parseConfigText(text: string, file: string): Record<string, unknown> {
  const json = file.endsWith(".json");
  const format = json ? "JSON" : "YAML";
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const deep = findDeepBrackets(source, !json) ?? (json ? undefined : findDeepIndentation(source));
  if (deep) throw tooDeep(file, `line ${deep.line}, column ${deep.column}`);
  let raw: unknown;
  try {
    raw = json ? JSON.parse(source) : parseYaml(source, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message : error instanceof Error ? error.message : String(error);
    throw new ConfigError(`${file}: not valid ${format}: ${detail}`, [detail], error);
  }
  if (json) {
    const duplicate = findDuplicateJsonKey(source);
    if (duplicate) {
      const key = duplicate.path.join(".");
      const message = `${file}: not valid JSON for voxpipe: the key "${key}" appears twice (again at line ${duplicate.position.line}, column ${duplicate.position.column}); keep one.`;
      throw new ConfigError(message, [`${key}: expected once, found twice`]);
    }
  }
  const deepValue = findDeepValue(raw);
  if (deepValue) throw tooDeep(file, `under ${deepValue.slice(0, 4).join(".")}…`);
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new ConfigError(`${file}: expected a mapping of keys (llm, tts, segmenter, pipeline, log), received ${Array.isArray(raw) ? "a list" : typeof raw}.`, ["(top level): expected an object"]);
  }
  return raw as Record<string, unknown>;
}
