import type { Logger, ServerConfig } from "@voxpipe/core";
import type { ServerMetrics } from "./server-metrics.js";
import type { StreamScope } from "./stream-scope.js";
import type { VoiceBackends } from "./voice-backends.js";

/** What every request handler is given. */
export interface ServerContext {
  readonly backends: VoiceBackends;
  readonly config: ServerConfig;
  readonly metrics: ServerMetrics;
  readonly logger: Logger;
}

/** A streamed request: the context, the stream's scope and warnings for the `x-voxpipe-warning` header. */
export interface StreamRequest {
  readonly context: ServerContext;
  readonly scope: StreamScope;
  readonly warnings: string[];
}
