/**
 * A `fetch` for the openai client that rewrites error bodies of
 * OpenAI-compatible servers into OpenAI's `{ "error": { message, type, code } }`
 * shape, so the SDK keeps their message: vLLM answers `{ "object": "error",
 * "message": … }`, FastAPI-based servers `{ "detail": … }`, Ollama `{ "error": "…" }`.
 */
export const normalizeErrorFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (response.ok || !response.headers.get("content-type")?.includes("json")) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const normalized = normalizeErrorBody(body);
  return new Response(normalized === undefined ? text : JSON.stringify(normalized), { status: response.status, statusText: response.statusText, headers: response.headers });
};

function normalizeErrorBody(body: unknown): unknown {
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record["error"] === "object" && record["error"] !== null) return undefined;
  if (typeof record["error"] === "string") return { error: { message: record["error"], type: null, code: null } };
  const message = record["message"] ?? record["detail"];
  if (message === undefined) return undefined;
  const code = typeof record["code"] === "string" ? record["code"] : record["code"] === 404 && /model/i.test(String(message)) ? "model_not_found" : null;
  return { error: { message: typeof message === "string" ? message : JSON.stringify(message), type: record["type"] ?? null, code } };
}
