import { VoxpipeError } from "../errors/voxpipe-error.js";
import type { LlmStreamPart } from "../llm/llm-stream-part.js";

/**
 * Reads a stream that must fail and resolves to the VoxpipeError it threw;
 * what it yielded first goes into `received`. Rejects, saying what happened
 * instead, when the stream ends without failing or throws something that is
 * not a VoxpipeError.
 */
export async function streamFailure<T>(items: AsyncIterable<T>, received: T[] = []): Promise<VoxpipeError> {
  const error = await thrownBy(async () => {
    for await (const item of items) received.push(item);
  });
  if (!VoxpipeError.isInstance(error)) throw new Error(`expected the stream to fail with a VoxpipeError, but it threw ${describe(error)}`);
  return error;
}

/** What `run` throws (or rejects with); rejects when it does not fail at all. */
export async function thrownBy(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure, but the call succeeded");
}

/** The error carried by an LLM stream's last part; throws, naming the part, when that part is not an `error` part. */
export function errorPartOf(parts: readonly LlmStreamPart[]): VoxpipeError {
  const last = parts.at(-1);
  if (last?.type !== "error") throw new Error(`expected the stream to end with an error part, got ${JSON.stringify(last)}`);
  return last.error;
}

function describe(value: unknown): string {
  return value instanceof Error ? `${value.name}: ${value.message}` : JSON.stringify(value);
}
