/** Deepest nesting of lists and mappings accepted in a config file (voxpipe's own keys go 4 deep). */
export const MAX_CONFIG_NESTING = 64;

/** Where a problem is in the text: 1-based line and column. */
export interface TextPosition {
  line: number;
  column: number;
}

function positionOf(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** End (exclusive) of the quoted string starting at `start`: JSON/YAML double quotes with backslash escapes, YAML single quotes with `''`. */
function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote === '"' && ch === "\\") i++;
    else if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}

/**
 * The first place where `[` and `{` nest deeper than `MAX_CONFIG_NESTING`,
 * skipping quoted strings and YAML comments; checked before parsing, because
 * a parser recursing 100 000 levels deep overflows the stack.
 */
export function findDeepBrackets(text: string, yaml: boolean): TextPosition | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || (yaml && ch === "'")) {
      i = skipQuoted(text, i) - 1;
    } else if (yaml && ch === "#" && (i === 0 || /\s/.test(text[i - 1] ?? ""))) {
      const end = text.indexOf("\n", i);
      i = end === -1 ? text.length : end;
    } else if (ch === "[" || ch === "{") {
      if (++depth > MAX_CONFIG_NESTING) return positionOf(text, i);
    } else if (ch === "]" || ch === "}") {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/**
 * The first line where YAML's block structure (indentation, and compact `- - -`
 * sequences) nests deeper than `MAX_CONFIG_NESTING`; the lines of a block
 * scalar (`|`, `>`) are text, not structure. Checked before parsing, for the
 * same reason as brackets.
 */
export function findDeepIndentation(text: string): TextPosition | undefined {
  const indents: number[] = [];
  let blockScalarIndent: number | undefined;
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    const content = line.trimStart();
    const indent = line.length - content.length;
    if (blockScalarIndent !== undefined) {
      if (content === "" || indent > blockScalarIndent) continue;
      blockScalarIndent = undefined;
    }
    if (content === "" || content.startsWith("#")) continue;
    while (indents.length > 0 && (indents.at(-1) as number) >= indent) indents.pop();
    indents.push(indent);
    const dashes = /^(?:-[ \t]+)*/.exec(content)?.[0].match(/-/g)?.length ?? 0;
    if (indents.length + dashes > MAX_CONFIG_NESTING) return { line: n + 1, column: indent + 1 };
    if (/(?:^|[:\s-])[|>][-+0-9]*\s*(?:#.*)?$/.test(content)) blockScalarIndent = indent;
  }
  return undefined;
}

/** A key that appears twice in one JSON object: its key path and where the second one is. */
export interface DuplicateKey {
  path: string[];
  position: TextPosition;
}

type Frame = { kind: "object"; keys: Set<string>; expectKey: boolean; key: string } | { kind: "array"; index: number };

/** The first key repeated within one object of a JSON text (JSON.parse would silently keep the last). The text must be valid JSON. */
export function findDuplicateJsonKey(text: string): DuplicateKey | undefined {
  const stack: Frame[] = [];
  const path = (): string[] => stack.slice(0, -1).map((frame) => (frame.kind === "object" ? frame.key : String(frame.index)));
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const top = stack.at(-1);
    if (ch === "{") stack.push({ kind: "object", keys: new Set(), expectKey: true, key: "" });
    else if (ch === "[") stack.push({ kind: "array", index: 0 });
    else if (ch === "}" || ch === "]") stack.pop();
    else if (ch === ",") {
      if (top?.kind === "object") top.expectKey = true;
      else if (top?.kind === "array") top.index++;
    } else if (ch === '"') {
      const end = skipQuoted(text, i);
      if (top?.kind === "object" && top.expectKey) {
        const key = JSON.parse(text.slice(i, end)) as string;
        if (top.keys.has(key)) return { path: [...path(), key], position: positionOf(text, i) };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end - 1;
    }
  }
  return undefined;
}

/** The key path to the first value nested deeper than `MAX_CONFIG_NESTING` in a parsed config (walked without recursion). */
export function findDeepValue(value: unknown): string[] | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: node, path } = stack.pop() as { value: unknown; path: string[] };
    if (typeof node !== "object" || node === null) continue;
    if (path.length > MAX_CONFIG_NESTING) return path;
    for (const [key, child] of Object.entries(node)) stack.push({ value: child, path: [...path, key] });
  }
  return undefined;
}
