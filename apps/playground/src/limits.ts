/** The server's caps. Every one is enforced on the server; the page only mirrors some of them. */
export interface PlaygroundLimits {
  /** Largest WebSocket message accepted from the page, in bytes (ws `maxPayload`); larger closes the connection with 1009. */
  maxMessageBytes: number;
  /** Longest prompt, in characters (code points). */
  maxPromptChars: number;
  /** Open WebSocket connections at once; more are refused with HTTP 503. */
  maxConnections: number;
  /** Bytes queued on a socket before the run waits for the browser to catch up. */
  maxBufferedBytes: number;
}

export const defaultLimits: PlaygroundLimits = {
  maxMessageBytes: 16 * 1024,
  maxPromptChars: 2000,
  maxConnections: 8,
  maxBufferedBytes: 4 * 1024 * 1024,
};
