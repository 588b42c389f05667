import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ApiError } from "./api-error.js";

/** The keys a server accepts, compared in constant time; the keys themselves never leave this object. */
export interface ApiKeys {
  /** True when no keys are configured (every request is let in). */
  readonly open: boolean;
  /**
   * Checks the request's `Authorization: Bearer <key>`; throws a 401 ApiError
   * otherwise. Returns an id of the key (a short hash, never the key) for
   * per-key limits and logs.
   */
  authenticate(request: IncomingMessage): string;
}

const digest = (key: string): Buffer => createHash("sha256").update(key).digest();

/** Keys from the config plus `VOXPIPE_API_KEYS` (comma-separated). */
export function keysFrom(configKeys: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  const fromEnv = (env.VOXPIPE_API_KEYS ?? "").split(",").map((key) => key.trim()).filter((key) => key.length > 0);
  return [...new Set([...configKeys, ...fromEnv])];
}

export function createApiKeys(keys: readonly string[]): ApiKeys {
  const digests = keys.map(digest);
  return {
    open: digests.length === 0,
    authenticate(request) {
      if (digests.length === 0) return `client:${request.socket.remoteAddress ?? "unknown"}`;
      const header = request.headers.authorization ?? "";
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) throw new ApiError(401, "authentication_error", "missing_api_key", "this server needs an API key: send the header Authorization: Bearer <key>");
      const given = digest(match[1]!);
      if (!digests.some((known) => timingSafeEqual(known, given))) throw new ApiError(401, "authentication_error", "invalid_api_key", "the API key is not one this server accepts");
      return `key:${given.subarray(0, 6).toString("hex")}`;
    },
  };
}
