import { createServer, type IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { allowedOrigins, isOriginAllowed, urlHost } from "./allowed-origins.js";
import { CloseCode, closeConnection, closeForServerFull } from "./close-codes.js";
import { defaultLimits, type PlaygroundLimits } from "./limits.js";
import type { PlaygroundBackend } from "./playground-backend.js";
import { sharedClientMessageSchema } from "./protocol.js";
import { Session, type SessionHooks } from "./session.js";
import { defaultPublicDir, serveStatic } from "./static-files.js";

/** The WebSocket's path on the server. */
export const WEBSOCKET_PATH = "/ws";

export interface StartPlaygroundOptions {
  /** The backends, created once and shared by every connection. */
  backend: PlaygroundBackend;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  limits?: Partial<PlaygroundLimits>;
  /** More origins allowed to open the WebSocket, e.g. "http://my-laptop.local:8710". */
  extraOrigins?: readonly string[];
  /** Folder of the page's files (default: the package's `public/`). */
  publicDir?: string;
  hooks?: SessionHooks & {
    /**
     * A connection was refused: a bad origin (403), a wrong path (404) or
     * every slot taken (503). A full server accepts the upgrade and closes it
     * at once with `closeCode` 1013, so a browser can show why (a refused
     * upgrade only reaches a page as 1006).
     */
    onUpgradeRefused?(info: { status: number; reason: string; origin: string | undefined; closeCode?: number }): void;
  };
}

/** A running playground server. */
export interface Playground {
  /** The page's address, e.g. http://127.0.0.1:8710/. */
  url: string;
  host: string;
  port: number;
  /** Open WebSocket connections. */
  connections(): number;
  /** Stops every run, closes every connection and the server. Does not dispose the backend. */
  close(): Promise<void>;
}

/** Starts the HTTP server (page) and its WebSocket (runs). Rejects with the listen error (e.g. EADDRINUSE). */
export async function startPlayground(options: StartPlaygroundOptions): Promise<Playground> {
  const host = options.host ?? "127.0.0.1";
  const limits: PlaygroundLimits = { ...defaultLimits, ...options.limits };
  const publicDir = options.publicDir ?? defaultPublicDir;
  const hooks = options.hooks ?? {};
  const schema = sharedClientMessageSchema(limits.maxPromptChars);
  const sessions = new Map<WebSocket, Session>();
  let nextSessionId = 1;
  // Counts upgrades in progress too, so a burst of connections cannot slip past the cap.
  let openConnections = 0;
  // Connections beyond the cap that are being told "server full"; past maxConnections of them, plain 503.
  let turningAway = 0;
  let origins = new Set<string>();

  const server = createServer((request, response) => {
    serveStatic(publicDir, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });

  const refuse = (socket: Duplex, status: number, reason: string, origin: string | undefined): void => {
    hooks.onUpgradeRefused?.({ status, reason, origin });
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
  };

  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const origin = request.headers.origin;
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname !== WEBSOCKET_PATH) return refuse(socket, 404, "Not Found", origin);
    if (!isOriginAllowed(origin, origins)) return refuse(socket, 403, "Forbidden", origin);
    if (openConnections >= limits.maxConnections) {
      if (turningAway >= limits.maxConnections) return refuse(socket, 503, "Service Unavailable", origin);
      turningAway++;
      socket.once("close", () => turningAway--);
      const full = closeForServerFull(limits.maxConnections);
      hooks.onUpgradeRefused?.({ status: 503, reason: full.reason, origin, closeCode: CloseCode.serverFull });
      wss.handleUpgrade(request, socket, head, (ws) => closeConnection(ws, full, limits.closeTimeoutMs));
      return;
    }
    openConnections++;
    socket.once("close", () => openConnections--);
    wss.handleUpgrade(request, socket, head, (ws) => {
      const session = new Session({ sessionId: nextSessionId++, socket: ws, transport: socket, backend: options.backend, limits, schema, hooks });
      sessions.set(ws, session);
      ws.on("close", () => sessions.delete(ws));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : (options.port ?? 0);
  origins = allowedOrigins(host, port, options.extraOrigins);
  const displayHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;

  return {
    url: `http://${urlHost(displayHost)}:${port}/`,
    host,
    port,
    connections: () => sessions.size,
    async close() {
      await Promise.allSettled([...sessions.values()].map((session) => session.stop()));
      for (const ws of sessions.keys()) {
        ws.close(CloseCode.goingAway, "server shutting down");
        ws.terminate();
      }
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
