/** The server's caps. Every one is enforced on the server; the page only mirrors some of them. */
export interface PlaygroundLimits {
  /** Largest WebSocket message accepted from the page, in bytes (ws `maxPayload`); larger closes the connection with 1009. */
  maxMessageBytes: number;
  /** Longest prompt, in characters (code points). */
  maxPromptChars: number;
  /** Open WebSocket connections at once; more are closed at once with 1013 (or refused with HTTP 503 under a burst). */
  maxConnections: number;
  /** Bytes queued on a socket before the run waits for the browser to catch up (backpressure on audio; it also waits past half of `maxQueuedFrames`). */
  maxBufferedBytes: number;
  /**
   * Bytes a connection may have queued (every frame: audio, events, replies)
   * and not yet taken by the network; past it the connection is closed with
   * 4000. Must leave room for one audio frame above `maxBufferedBytes`.
   */
  maxQueuedBytes: number;
  /**
   * Frames a connection may have queued and not yet taken by the network; past
   * it the connection is closed with 4000. Bounds the per-frame bookkeeping a
   * flood of small replies costs (several times the frame's bytes).
   */
  maxQueuedFrames: number;
  /**
   * How long a run may wait on a client that takes nothing at all (its queue
   * does not shrink by a byte) before the connection is closed with 4000: a
   * stalled run holds the shared backends (llama.cpp serves one request at a
   * time). A slow reader makes progress and is never closed for it.
   */
  maxStallMs: number;
  /** Protocol errors a connection may cause in any 60 s; one more closes it with 1008. */
  maxProtocolErrorsPerMinute: number;
  /** `run` and `stop` messages held, in order, while a stopped run winds down; more get a `busy` reply. */
  maxPendingMessages: number;
  /** How long a closing connection may take to answer the close frame before it is dropped, in ms (ws `closeTimeout`). */
  closeTimeoutMs: number;
}

export const defaultLimits: PlaygroundLimits = {
  maxMessageBytes: 16 * 1024,
  maxPromptChars: 2000,
  maxConnections: 8,
  maxBufferedBytes: 4 * 1024 * 1024,
  maxQueuedBytes: 8 * 1024 * 1024,
  maxQueuedFrames: 4096,
  maxStallMs: 30_000,
  maxProtocolErrorsPerMinute: 20,
  maxPendingMessages: 4,
  closeTimeoutMs: 5_000,
};
