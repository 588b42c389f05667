import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ConfigError, VoxpipeError, silentLogger, type Logger, type ServerConfig } from "@voxpipe/core";
import { ApiError } from "./api-error.js";
import { createApiKeys, type ApiKeys } from "./api-keys.js";
import { applyCors } from "./cors.js";
import { handleChat } from "./handle-chat.js";
import { handleSpeech } from "./handle-speech.js";
import { isLoopback } from "./is-loopback.js";
import { readJsonBody } from "./read-json-body.js";
import { sendError, sendJson } from "./send.js";
import type { StreamRequest } from "./server-context.js";
import { createServerMetrics, type Endpoint, type ServerMetrics } from "./server-metrics.js";
import { openStreamScope, type StreamScope } from "./stream-scope.js";
import { StreamLimiter } from "./stream-limiter.js";
import type { VoiceBackends } from "./voice-backends.js";

export interface VoxpipeServerOptions {
  backends: VoiceBackends;
  /** The `server` section of the config (port, host, keys, CORS, limits, drain deadline). */
  config: ServerConfig;
  /** Every accepted API key: the config's and `VOXPIPE_API_KEYS`' (see `keysFrom`). */
  apiKeys: readonly string[];
  logger?: Logger;
  /** prom-client's default process metrics on /metrics (default true). */
  processMetrics?: boolean;
}

/** A listening server. */
export interface VoxpipeServer {
  /** `http://host:port`, with the port actually bound. */
  readonly url: string;
  readonly metrics: ServerMetrics;
  /** Streams in flight. */
  readonly activeStreams: number;
  /**
   * Graceful drain: /readyz answers 503, new requests are refused (503),
   * in-flight streams run on for up to `deadlineMs` (default `config.drainMs`)
   * and are then cut; resolves once the server is closed.
   */
  drain(deadlineMs?: number): Promise<void>;
  /** Cuts every stream and closes at once. */
  close(): Promise<void>;
}

/** Starts the OpenAI-compatible HTTP server on the config's host and port. */
export async function startVoxpipeServer(options: VoxpipeServerOptions): Promise<VoxpipeServer> {
  const { backends, config } = options;
  const logger = options.logger ?? silentLogger;
  if (!isLoopback(config.host) && options.apiKeys.length === 0 && !config.allowUnauthenticated) {
    throw new ConfigError(
      `server.host is "${config.host}", an address other machines can reach, and no API keys are set: set server.apiKeys or VOXPIPE_API_KEYS, bind 127.0.0.1, or set server.allowUnauthenticated: true behind a gateway that authenticates`,
      ["server.host: a non-loopback address needs apiKeys"],
    );
  }
  const keys: ApiKeys = createApiKeys(options.apiKeys);
  const metrics = createServerMetrics({ processMetrics: options.processMetrics ?? true });
  const limiter = new StreamLimiter(config.limits.maxStreamsPerKey, config.limits.retryAfterSeconds);
  const streams = new Set<StreamScope>();
  let draining = false;
  const idle: (() => void)[] = [];

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<Endpoint> => {
    const startedAt = performance.now();
    const url = new URL(request.url ?? "/", "http://server");
    if (applyCors(request, response, config.cors.origins)) return "other";
    const { pathname } = url;
    if (pathname === "/healthz") {
      sendJson(response, 200, { status: "ok" });
      return "health";
    }
    if (pathname === "/readyz") {
      const ready = backends.ready && !draining;
      sendJson(response, ready ? 200 : 503, { status: ready ? "ready" : draining ? "draining" : "loading" });
      return "health";
    }
    if (pathname === "/metrics") {
      keys.authenticate(request);
      const text = await metrics.registry.metrics();
      response.writeHead(200, { "content-type": metrics.registry.contentType }).end(text);
      return "metrics";
    }
    if (draining) throw new ApiError(503, "service_unavailable", "draining", "this server is shutting down; send the request again (another replica will take it)", null, { connection: "close", "retry-after": "1" });
    const client = keys.authenticate(request);
    if (pathname === "/v1/models") {
      if (request.method !== "GET") throw methodNotAllowed("GET");
      sendJson(response, 200, { object: "list", data: config.models.map((id) => ({ id, object: "model", created: 0, owned_by: "voxpipe" })) });
      return "models";
    }
    if (pathname === "/v1/audio/voices") {
      if (request.method !== "GET") throw methodNotAllowed("GET");
      sendJson(response, 200, voiceList(config, backends));
      return "models";
    }
    const handler = pathname === "/v1/audio/speech" ? handleSpeech : pathname === "/v1/chat/completions" ? handleChat : undefined;
    if (!handler) throw new ApiError(404, "invalid_request_error", "not_found", `no endpoint ${request.method} ${pathname}; this server answers POST /v1/audio/speech, POST /v1/chat/completions, GET /v1/models and GET /v1/audio/voices`);
    if (request.method !== "POST") throw methodNotAllowed("POST");
    const endpoint: Endpoint = handler === handleSpeech ? "speech" : "chat";
    const release = limiter.acquire(client);
    const scope = openStreamScope(request, response, startedAt);
    streams.add(scope);
    metrics.activeStreams.inc({ endpoint });
    try {
      const body = await readJsonBody(request, config.limits.maxBodyBytes);
      const stream: StreamRequest = { context: { backends, config, metrics, logger }, scope, warnings: [] };
      await handler(body, response, stream);
      if (scope.abortReason) metrics.errors.inc({ stage: "client", code: scope.abortReason });
      // A stream cut short (client gone, drain deadline) ends here: its connection is closed, never left hanging.
      // (A handler that throws is answered with the error by the caller.)
      if (!response.writableEnded) response.destroy();
    } finally {
      scope.end();
      streams.delete(scope);
      release();
      metrics.activeStreams.dec({ endpoint });
      if (streams.size === 0) idle.splice(0).forEach((resolve) => resolve());
    }
    return endpoint;
  };

  const server: Server = createServer((request, response) => {
    // While draining, every answer closes its connection, so clients take their next request elsewhere.
    if (draining) response.shouldKeepAlive = false;
    route(request, response)
      .then((endpoint) => metrics.requests.inc({ endpoint, status: String(response.statusCode) }))
      .catch((thrown: unknown) => {
        const error = thrown instanceof ApiError ? thrown : internalError(thrown, logger);
        metrics.errors.inc({ stage: stageOf(error), code: error.code });
        if (!response.writableEnded) sendError(response, error);
        metrics.requests.inc({ endpoint: "other", status: String(error.status) });
      });
  });
  server.requestTimeout = 0;
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  const closeServer = (): Promise<void> =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });

  return {
    url: `http://${host}:${address.port}`,
    metrics,
    get activeStreams() {
      return streams.size;
    },
    async drain(deadlineMs = config.drainMs) {
      draining = true;
      server.closeIdleConnections();
      const untilIdle = async (ms: number): Promise<void> => {
        if (streams.size === 0) return;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([new Promise<void>((resolve) => idle.push(resolve)), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
        clearTimeout(timer);
      };
      await untilIdle(deadlineMs);
      for (const scope of streams) scope.cut();
      await untilIdle(1000);
      const closed = closeServer();
      server.closeAllConnections();
      await closed;
    },
    async close() {
      draining = true;
      for (const scope of streams) scope.cut();
      const closed = closeServer();
      server.closeAllConnections();
      await closed;
    },
  };
}

/** `GET /v1/audio/voices`: the names `server.voices` maps, and the voice any other OpenAI name gets. */
function voiceList(config: ServerConfig, backends: VoiceBackends): Record<string, unknown> {
  return {
    object: "list",
    data: Object.entries(config.voices).map(([id, voice]) => ({ id, object: "voice", voice })),
    default_voice: backends.tts.voice,
  };
}

const methodNotAllowed = (allowed: string): ApiError => new ApiError(405, "invalid_request_error", "method_not_allowed", `use ${allowed} on this endpoint`, null, { allow: allowed });

function stageOf(error: ApiError): string {
  if (error.status === 401) return "auth";
  if (error.status === 429) return "limit";
  if (error.status === 503) return "drain";
  return error.status >= 500 ? "server" : "request";
}

function internalError(thrown: unknown, logger: Logger): ApiError {
  const error = VoxpipeError.from(thrown, "pipeline", "internal_error");
  logger.error(`request failed: ${error.message}`);
  return new ApiError(500, "server_error", error.code, `the server failed: ${error.message}`);
}
