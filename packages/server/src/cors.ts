import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Sets CORS headers for an allowed Origin. Returns true when the request was a
 * preflight (OPTIONS) that has been answered. An origin not on the list gets
 * no CORS headers, so the browser blocks the response.
 */
export function applyCors(request: IncomingMessage, response: ServerResponse, origins: readonly string[]): boolean {
  const origin = request.headers.origin;
  const allowed = origin !== undefined && (origins.includes("*") || origins.includes(origin));
  if (allowed) {
    response.setHeader("access-control-allow-origin", origins.includes("*") ? "*" : origin);
    response.setHeader("vary", "Origin");
    response.setHeader("access-control-expose-headers", "x-request-id, retry-after, x-voxpipe-warning");
  }
  if (request.method !== "OPTIONS") return false;
  if (allowed) {
    response.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    response.setHeader("access-control-allow-headers", request.headers["access-control-request-headers"] ?? "authorization, content-type");
    response.setHeader("access-control-max-age", "600");
  }
  response.writeHead(allowed ? 204 : 403).end();
  return true;
}
