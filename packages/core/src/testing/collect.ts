/** Reads an async iterable (a stream of parts, chunks, events or segments) to its end. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
