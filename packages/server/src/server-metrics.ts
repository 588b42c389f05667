import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** The endpoints counted in metrics (a bounded label set). */
export type Endpoint = "speech" | "chat" | "models" | "health" | "metrics" | "other";

/** The server's Prometheus metrics, in a registry of its own. */
export interface ServerMetrics {
  readonly registry: Registry;
  readonly requests: Counter<"endpoint" | "status">;
  readonly activeStreams: Gauge<"endpoint">;
  readonly timeToFirstAudio: Histogram<"endpoint">;
  readonly timeToFirstToken: Histogram<"endpoint">;
  readonly errors: Counter<"stage" | "code">;
  readonly audioSeconds: Counter<"endpoint">;
}

const latencyBuckets = [0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10];

/** Creates the metrics; `processMetrics` adds prom-client's default process metrics (CPU, memory, event loop). */
export function createServerMetrics(options: { processMetrics?: boolean } = {}): ServerMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "voxpipe_" });
  return {
    registry,
    requests: new Counter({ name: "voxpipe_requests_total", help: "HTTP requests answered, by endpoint and status code.", labelNames: ["endpoint", "status"], registers: [registry] }),
    activeStreams: new Gauge({ name: "voxpipe_active_streams", help: "Speech and chat streams in flight (scale on this).", labelNames: ["endpoint"], registers: [registry] }),
    timeToFirstAudio: new Histogram({ name: "voxpipe_time_to_first_audio_seconds", help: "From request received to the first audio bytes written.", labelNames: ["endpoint"], buckets: latencyBuckets, registers: [registry] }),
    timeToFirstToken: new Histogram({ name: "voxpipe_time_to_first_token_seconds", help: "From request received to the LLM's first text.", labelNames: ["endpoint"], buckets: latencyBuckets, registers: [registry] }),
    errors: new Counter({ name: "voxpipe_errors_total", help: "Failed requests and streams, by stage (auth, request, llm, tts, …) and code.", labelNames: ["stage", "code"], registers: [registry] }),
    audioSeconds: new Counter({ name: "voxpipe_audio_seconds_total", help: "Seconds of audio sent to clients.", labelNames: ["endpoint"], registers: [registry] }),
  };
}
