import type { ServerResponse } from "node:http";
import type { ApiError } from "./api-error.js";

/** Answers with an ApiError in OpenAI's shape, unless the headers already went out. */
export function sendError(response: ServerResponse, error: ApiError): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendJson(response, error.status, error.body(), error.headers);
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** Ends an event stream with an error event (`data: {"type":"error","error":{…}}`, which the openai clients raise as an API error). */
export function sendSseError(response: ServerResponse, error: ApiError): void {
  response.end(`data: ${JSON.stringify({ type: "error", ...error.body() })}\n\n`);
}

/** The `x-voxpipe-warning` header for request fields that were ignored. */
export function warningHeader(warnings: readonly string[]): Record<string, string> {
  return warnings.length > 0 ? { "x-voxpipe-warning": warnings.join("; ") } : {};
}
