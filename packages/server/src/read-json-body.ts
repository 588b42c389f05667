import type { IncomingMessage } from "node:http";
import { ApiError, badRequest } from "./api-error.js";

/** Reads a JSON request body of at most `maxBytes`; a larger body is refused (413) without reading it all. */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const type = request.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(type)) throw new ApiError(415, "invalid_request_error", "unsupported_media_type", `expected a JSON body (Content-Type: application/json), received ${type ? `"${type}"` : "no Content-Type"}`);
  const declared = Number(request.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch (error) {
    throw badRequest(`the body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const tooLarge = (maxBytes: number): ApiError =>
  new ApiError(413, "invalid_request_error", "request_too_large", `the request body is larger than ${maxBytes} bytes (server.limits.maxBodyBytes)`);
