import type { WebSocket } from "ws";

/**
 * The close codes the server uses when it ends a connection itself. Each
 * comes with a reason (at most 123 bytes, RFC 6455 §5.5) that says what
 * happened and what to do; the page shows it.
 */
export const CloseCode = {
  /** The server is shutting down (RFC 6455 "going away"). */
  goingAway: 1001,
  /** The client sent too many messages the server could not accept (RFC 6455 "policy violation"). */
  tooManyProtocolErrors: 1008,
  /** A message was larger than `maxMessageBytes` (RFC 6455 "message too big"; sent by ws itself). */
  messageTooBig: 1009,
  /** Every connection slot is taken (RFC 6455 "try again later"). */
  serverFull: 1013,
  /** The client did not read what the server sent: more than `maxQueuedBytes` or `maxQueuedFrames` waited for it, or nothing left for `maxStallMs`. */
  notReading: 4000,
} as const;

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** A server-initiated close: the code and the reason sent with it. */
export interface ServerClose {
  code: CloseCode;
  reason: string;
}

export const closeForProtocolErrors = (max: number): ServerClose => ({
  code: CloseCode.tooManyProtocolErrors,
  reason: `too many protocol errors (more than ${max} in a minute); fix the client and reconnect`,
});

export const closeForServerFull = (max: number): ServerClose => ({
  code: CloseCode.serverFull,
  reason: `server full: all ${max} connections are in use; close another playground tab and reload`,
});

/** What was queued for a connection, and the caps it went past. */
export interface QueueState {
  bytes: number;
  frames: number;
  maxBytes: number;
  maxFrames: number;
}

export const closeForNotReading = ({ bytes, frames, maxBytes, maxFrames }: QueueState): ServerClose => ({
  code: CloseCode.notReading,
  reason:
    frames > maxFrames
      ? `client not reading: ${frames} frames queued for it (the limit is ${maxFrames})`
      : `client not reading: ${size(bytes)} queued for it (the limit is ${size(maxBytes)})`,
});

export const closeForStall = (maxStallMs: number): ServerClose => ({
  code: CloseCode.notReading,
  reason: `client not reading: it took nothing for ${maxStallMs / 1000} s while its run waited`,
});

const size = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`);

/**
 * Closes a connection from the server's side: sends the close frame after
 * whatever is queued, and drops the connection if the client has not
 * completed the closing handshake within `timeoutMs`. Messages that still
 * arrive are read and ignored, except from a client that does not read
 * (4000: it could never complete the handshake) or that sent too many bad
 * messages (1008: a flood, whose rest would only cost memory and time to
 * read): the server stops reading it.
 */
export function closeConnection(socket: WebSocket, close: ServerClose, timeoutMs: number): void {
  if (close.code === CloseCode.notReading || close.code === CloseCode.tooManyProtocolErrors) socket.pause();
  socket.close(close.code, close.reason);
  const timer = setTimeout(() => socket.terminate(), timeoutMs);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}
