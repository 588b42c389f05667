/**
 * OpenAI-compatible servers do not all answer errors in OpenAI's shape
 * `{ "error": { "message" } }`. FastAPI servers such as Kokoro-FastAPI answer
 * `{ "detail": … }`; others `{ "message": … }` or `{ "error": "…" }`. The SDK
 * only reads the first shape, so this fetch wrapper rewrites the others into
 * it, and the server's message reaches the user.
 */
export function withNormalizedErrorBodies(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.ok || !(response.headers.get("content-type") ?? "").includes("json")) return response;
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    const message = errorMessageOf(body);
    const isOpenAiShape = typeof (body as { error?: { message?: unknown } } | null)?.error?.message === "string";
    const normalized = isOpenAiShape || message === undefined ? text : JSON.stringify({ error: { message } });
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    headers.delete("content-encoding");
    return new Response(normalized, { status: response.status, statusText: response.statusText, headers });
  };
}

/** The human-readable message in a JSON error body of any common shape. */
export function errorMessageOf(body: unknown): string | undefined {
  if (typeof body === "string") return body;
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ["message", "detail", "error"]) {
    const value = record[key];
    if (typeof value === "string") return value;
    if (Array.isArray(value)) {
      const parts = value.map((item) => errorMessageOf(item) ?? describeValidationItem(item)).filter((part) => part);
      if (parts.length > 0) return parts.join("; ");
    } else if (typeof value === "object" && value !== null) {
      const nested = errorMessageOf(value);
      if (nested) return nested;
    }
  }
  return typeof record["msg"] === "string" ? describeValidationItem(record) : undefined;
}

/** FastAPI validation items look like `{ loc: ["body", "speed"], msg: "…" }`. */
function describeValidationItem(item: unknown): string | undefined {
  if (typeof item !== "object" || item === null) return undefined;
  const { loc, msg } = item as { loc?: unknown; msg?: unknown };
  if (typeof msg !== "string") return undefined;
  return Array.isArray(loc) ? `${loc.join(".")}: ${msg}` : msg;
}
