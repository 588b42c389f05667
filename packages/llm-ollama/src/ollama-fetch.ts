import type { VoxpipeError } from "@voxpipe/core";
import type { OllamaErrors } from "./ollama-errors.js";

/** What the guarded fetch learned about one attempt. */
export interface FetchState {
  /** Set when the stream carried a bad line or an `{"error"}` line; the stream was ended right before it. */
  streamError?: VoxpipeError;
}

/**
 * The `fetch` handed to the ollama client for one attempt. It ties the request
 * to the attempt's signal (so abort and timeouts close the connection even
 * while the model loads), turns network failures and non-2xx answers into
 * classified errors, and checks the NDJSON stream line by line.
 */
export function createGuardedFetch(signal: AbortSignal, errors: OllamaErrors, state: FetchState, onResponse: () => void): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    let response: Response;
    try {
      response = await fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });
    } catch (error) {
      if (signal.aborted) throw error;
      throw errors.unreachable(error);
    }
    onResponse();
    if (!response.ok) throw await errors.fromResponse(response, url.pathname);
    if (!response.body) return response;
    return new Response(response.body.pipeThrough(ndjsonGuard(errors, state)), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/**
 * Passes NDJSON lines through while they are JSON objects. At a bad line or
 * an `{"error": …}` line it records the error in `state` and ends the stream
 * there, so every line before it is still read in order.
 */
function ndjsonGuard(errors: OllamaErrors, state: FetchState): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let buffer = "";
  const pass = (line: string, controller: TransformStreamDefaultController<Uint8Array>): boolean => {
    if (state.streamError) return false;
    if (line.trim() === "") return true;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) state.streamError = errors.malformed(line);
    else if ("error" in value) state.streamError = errors.inStream(String((value as { error: unknown }).error));
    if (state.streamError) {
      controller.terminate();
      return false;
    }
    controller.enqueue(encoder.encode(`${line}\n`));
    return true;
  };
  return new TransformStream({
    transform(chunk, controller) {
      buffer += decoder.decode(chunk, { stream: true });
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) if (!pass(line, controller)) return;
    },
    flush(controller) {
      pass(buffer + decoder.decode(), controller);
    },
  });
}
