import type { PipelineEvent } from "@voxpipe/core";
import { ApiError } from "./api-error.js";

type ErrorEvent = Extract<PipelineEvent, { type: "error" }>;

/** A pipeline failure as an API error: a backend failure is 502 (504 for a timeout), the server's own 500. */
export function apiErrorOf(event: ErrorEvent): ApiError {
  const timeout = /timeout|timed-out|stall/i.test(event.code);
  const upstream = event.stage === "llm" || event.stage === "tts";
  const status = timeout ? 504 : upstream ? 502 : 500;
  const retryHeaders: Record<string, string> = event.retryable ? { "retry-after": "1" } : {};
  return new ApiError(status, "server_error", event.code, `${event.stage} failed: ${event.message}`, null, retryHeaders);
}
