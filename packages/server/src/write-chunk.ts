import type { ServerResponse } from "node:http";

/** Writes to the response and waits for 'drain' when its buffer is full (backpressure reaches the pipeline), or until the signal fires. */
export async function writeChunk(response: ServerResponse, chunk: string | Buffer, signal: AbortSignal): Promise<void> {
  if (response.destroyed || signal.aborted) return;
  if (response.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      response.off("drain", done);
      response.off("close", done);
      signal.removeEventListener("abort", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
    signal.addEventListener("abort", done, { once: true });
  });
}
