import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PipelineEvent, RunMetrics } from "@voxpipe/core";
import { describe, expect, it } from "vitest";
import { openPlaygroundBackend } from "./voxpipe-backend.js";

/**
 * Test doubles: a reply of three sentences and a TTS 1.5× slower than real time, which leaves gaps without a lead.
 * `measureTts: false` so the first reply has no predicted lead: this pins down the learned one alone.
 */
const config = `
llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Here is what I found. The museum opens at nine and closes at six, except on Mondays. Tickets cost twelve euros.", tokensPerSecond: 200 } }
tts: { use: "@voxpipe/core/testing#syntheticTts", options: { firstChunkMs: 20, realTimeFactor: 1.5, msPerChar: 10, chunkMs: 40, sampleRate: 8000 } }
pipeline: { ttsConcurrency: 4, playout: { measureTts: false } }
`;

async function metricsOf(events: AsyncIterable<PipelineEvent>): Promise<RunMetrics> {
  let metrics: RunMetrics | undefined;
  for await (const event of events) if (event.type === "finish") metrics = event.metrics;
  if (!metrics) throw new Error("the run did not finish");
  return metrics;
}

describe("openPlaygroundBackend", () => {
  it("gives each WebSocket session its own playout lead: learned from that listener's replies only", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-playground-"));
    const file = path.join(dir, "slow-tts.yaml");
    writeFileSync(file, config);
    const backend = await openPlaygroundBackend({ configFile: file, cwd: dir });
    try {
      const run = (session: ReturnType<NonNullable<typeof backend.session>>) => metricsOf(session.run("When is the museum open?", { mode: "streaming", signal: new AbortController().signal }));
      const first = backend.session!();
      const firstReply = await run(first);
      expect(firstReply.playoutLeadMs).toBe(0);
      expect(firstReply.gapMs).toBeGreaterThan(0);
      const secondReply = await run(first);
      expect(secondReply.playoutLeadMs).toBeGreaterThan(firstReply.gapMs);
      // A new listener starts from nothing.
      const other = await run(backend.session!());
      expect(other.playoutLeadMs).toBe(0);
    } finally {
      await backend.dispose();
    }
  });
});
