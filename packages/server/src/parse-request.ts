import type { z } from "zod";
import { badRequest, type ApiError } from "./api-error.js";

/** Validates a body with `schema`; the first problem becomes a 400 naming the parameter, what was expected and what was found. */
export function parseRequest<S extends z.ZodType>(schema: S, body: unknown, endpoint: string): z.output<S> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest(`${endpoint}: expected a JSON object body, received ${Array.isArray(body) ? "an array" : body === null ? "null" : typeof body}`);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const param = issue.path.map(String).join(".") || null;
  const error: ApiError = badRequest(`${endpoint}: ${param ?? "body"}: ${issue.message}`, param);
  throw error;
}
