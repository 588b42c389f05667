/**
 * The two waits of a streamed response body, as a {@link DeadlineWatchdog}
 * kind: `first-byte` runs from the request until the first body byte, `stall`
 * from one chunk to the next once bytes flow.
 */
export type ByteStreamDeadline = "first-byte" | "stall";
