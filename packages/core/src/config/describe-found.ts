/** Key names whose values are never quoted in a message: they may be keys, tokens or passwords. */
const secretKey = /key|token|secret|pass(word)?|auth|credential|cookie|header/i;
const longest = 60;

/**
 * A short description of the value a config key holds, for "received …" in
 * error messages. Strings under a secret-looking key are not quoted, and
 * credentials inside a URL are masked.
 */
export function describeFound(value: unknown, path: readonly string[] = []): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  switch (typeof value) {
    case "string": {
      if (path.some((key) => secretKey.test(key))) return "a string (not shown: it may be secret)";
      const masked = value.replace(/(\/\/)[^/@\s]*@/g, "$1***@").replace(/([?&][^=&#]*(?:key|token|secret|sig|pass)[^=&#]*=)[^&#]*/gi, "$1***");
      return JSON.stringify(masked.length > longest ? `${[...masked].slice(0, longest).join("")}…` : masked);
    }
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "object":
      return "a mapping of keys";
    default:
      return typeof value;
  }
}
