import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * One streamed response's lifetime: its AbortSignal fires when the client
 * disconnects (so LLM and TTS work stops at once) or when the server cuts it
 * at the end of a drain.
 */
export interface StreamScope {
  readonly signal: AbortSignal;
  /** `performance.now()` when the request arrived. */
  readonly startedAt: number;
  /** Why the stream was aborted, once it was. */
  readonly abortReason: "client-disconnected" | "server-shutdown" | undefined;
  /** Cuts the stream from the server side. */
  cut(): void;
  /** Stops listening for the disconnect; call when the response is done. */
  end(): void;
}

export function openStreamScope(request: IncomingMessage, response: ServerResponse, startedAt: number): StreamScope {
  const controller = new AbortController();
  let abortReason: StreamScope["abortReason"];
  const onClose = (): void => {
    if (response.writableFinished) return;
    abortReason ??= "client-disconnected";
    controller.abort(new Error("client disconnected"));
  };
  response.on("close", onClose);
  request.on("aborted", onClose);
  return {
    signal: controller.signal,
    startedAt,
    get abortReason() {
      return abortReason;
    },
    cut() {
      abortReason ??= "server-shutdown";
      controller.abort(new Error("server shutting down"));
    },
    end() {
      response.off("close", onClose);
      request.off("aborted", onClose);
    },
  };
}
