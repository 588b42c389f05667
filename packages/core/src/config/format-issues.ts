import type { z } from "zod";
import { describeFound } from "./describe-found.js";

/** Issue paths set by environment variables: the key path (`pipeline.mode`) → how the variable is named in messages. */
export type IssueSources = ReadonlyMap<string, string>;

export interface FormatIssuesOptions {
  /** Key path put before each issue's own path (e.g. `["tts", "options"]`). */
  prefix?: readonly (string | number)[];
  /** Key paths whose value came from an environment variable: the issue names the variable instead of the key. */
  sources?: IssueSources;
}

/**
 * Turns zod issues into lines that name the key path, what was expected and
 * what was found, e.g. `pipeline.ttsConcurrency: expected a number of at least
 * 1, received 0`. Pass `{ reportInput: true }` to `safeParse` so the found
 * value is known.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], options: FormatIssuesOptions | readonly (string | number)[] = {}): string[] {
  const { prefix = [], sources = new Map<string, string>() } = Array.isArray(options) ? { prefix: options as readonly (string | number)[] } : (options as FormatIssuesOptions);
  // One complaint per value: the first issue at a key path (a value too big for `.max()` is often not a safe `.int()` either).
  const seen = new Set<string>();
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path].map(String);
    const id = path.join("\u0000");
    if (issue.code !== "unrecognized_keys" && seen.has(id)) return [];
    seen.add(id);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => `${[...path, key].join(".")}: unknown key (check the spelling; see the README for the keys allowed here)`);
    }
    const key = path.length > 0 ? path.join(".") : "(top level)";
    const related = relatedPaths(issue, path);
    const variable = related.map((p) => sources.get(p)).find((name) => name !== undefined);
    const where = variable ?? key;
    return [`${where}: ${expectation(issue)}${found(issue, path)}`];
  });
}

/** The key paths an issue is about: its own, plus the sibling keys a cross-field check names in `params.keys`. */
function relatedPaths(issue: z.core.$ZodIssue, path: readonly string[]): string[] {
  const own = path.join(".");
  if (issue.code !== "custom" || !Array.isArray(issue.params?.["keys"])) return [own];
  const parent = path.slice(0, -1);
  return [own, ...(issue.params["keys"] as string[]).map((k) => [...parent, k].join("."))];
}

function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (!("input" in issue)) return issue.message.replace(/^Invalid input: /, "").replace("received undefined", "but it is missing");
      return issue.input === undefined ? `expected ${article(issue.expected)}, but it is missing` : `expected ${article(issue.expected)}`;
    case "invalid_union":
      return issue.message === "Invalid input" ? "expected one of the forms described in the README" : issue.message;
    case "too_small":
      return `expected ${bound(issue.origin, "of at least", "above", issue.minimum, issue.inclusive)}`;
    case "too_big":
      return `expected ${bound(issue.origin, "of at most", "below", issue.maximum, issue.inclusive)}`;
    case "invalid_value":
      return `expected ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`}`;
    default:
      return issue.message.replace(/^Invalid input: /, "").replace(/^Invalid option: /, "");
  }
}

function found(issue: z.core.$ZodIssue, path: readonly string[]): string {
  if (!("input" in issue) || issue.code === "unrecognized_keys" || issue.code === "custom") return "";
  if (issue.code === "invalid_type" && issue.input === undefined) return "";
  return `, received ${describeFound(issue.input, path)}`;
}

const articles: Record<string, string> = { int: "a whole number", number: "a number", string: "a string", boolean: "true or false", object: "a mapping of keys", array: "a list" };
function article(type: string): string {
  return articles[type] ?? type;
}

function bound(origin: string, inclusiveWord: string, exclusiveWord: string, limit: number | bigint, inclusive: boolean | undefined): string {
  const value = Number(limit);
  const word = inclusive === false ? exclusiveWord : inclusiveWord;
  if (origin === "string") return `a string ${word} ${value} character${value === 1 ? "" : "s"}`;
  if (origin === "array" || origin === "set") return `a list ${word} ${value} item${value === 1 ? "" : "s"}`;
  if (origin === "int") return `a whole number ${word} ${value}`;
  return `a number ${word} ${value}`;
}
