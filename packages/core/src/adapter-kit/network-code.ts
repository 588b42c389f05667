/** The system error code behind a fetch failure (ECONNREFUSED, ENOTFOUND, …), searched four causes deep; undefined when there is none. */
export function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "ABORT_ERR") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
