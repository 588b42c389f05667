// Shared building blocks for adapter packages (timeouts, retries, error classification, PCM decoding, inline think tags).
export { adapterError, type AdapterErrorExtra } from "./adapter-error.js";
export type { ByteStreamDeadline } from "./byte-stream-deadline.js";
export { DeadlineWatchdog } from "./deadline-watchdog.js";
export { httpErrorKinds, retryableHttpErrorKinds, type HttpErrorCode, type HttpErrorKind } from "./http-error-kind.js";
export { InFlightRequests, type InFlightRequest } from "./in-flight-requests.js";
export { networkCode } from "./network-code.js";
export { parseRetryAfter } from "./parse-retry-after.js";
export { readWithStallDeadline, type ReadWithStallDeadlineOptions } from "./read-with-stall-deadline.js";
export { Pcm16StreamDecoder } from "./pcm16-stream-decoder.js";
export { containsSecret, redactSecrets } from "./redact-secrets.js";
export { shortenText } from "./shorten-text.js";
export { ContentSplitter, type SplitThinkTags } from "./content-splitter.js";
export { ThinkTagSplitter, type ThinkSplitPart, type ThinkTagSplitterOptions } from "./think-tag-splitter.js";
export { StreamWatchdog, type StreamTimeoutKind, type StreamWatchdogLimits } from "./stream-watchdog.js";
export { streamWithRetries, type RetryPolicy } from "./stream-with-retries.js";
export { aliasWarnings, aliasWarningsOf, withAliasWarnings, type OptionAliases } from "./option-aliases.js";
