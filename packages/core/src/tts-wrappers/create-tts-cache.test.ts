import { describe, expect, it } from "vitest";
import { AudioCache } from "../cache/audio-cache.js";
import { collect } from "../testing/collect.js";
import { createSyntheticTts } from "../testing/synthetic-tts.js";
import type { TtsReport } from "../tts/tts-report.js";
import type { TtsProvider } from "../tts/tts-provider.js";
import { createTtsCache } from "./create-tts-cache.js";
import { createTtsFailover } from "./create-tts-failover.js";

const text = "Let me check that.";

/** A TEST DOUBLE that counts its requests. */
function counting(id: string, msPerChar = 60): TtsProvider & { calls: number } {
  const base = createSyntheticTts({ voice: id, msPerChar });
  const provider = { ...base, id, calls: 0, synthesize: (request: Parameters<TtsProvider["synthesize"]>[0]) => (provider.calls++, base.synthesize(request)) };
  return provider;
}

describe("createTtsCache, used alone", () => {
  it("answers a repeated text from the store and says so in its reports", async () => {
    const tts = counting("engine");
    const cached = createTtsCache(tts, { store: new AudioCache({ maxBytes: 1e7 }) });
    const reports: TtsReport[] = [];
    const first = await collect(cached.synthesize({ text, onReport: (r) => reports.push(r) }));
    const second = await collect(cached.synthesize({ text: ` ${text}  `, onReport: (r) => reports.push(r) }));
    expect(tts.calls).toBe(1);
    expect(second.map((c) => [...c.pcm])).toEqual(first.map((c) => [...c.pcm]));
    expect(reports).toEqual([
      { type: "cache-lookup", hit: false, backend: tts },
      { type: "cache-lookup", hit: true, backend: tts },
    ]);
  });

  it("hands out copies: changing the samples of one answer changes no other", async () => {
    const cached = createTtsCache(counting("engine"), { store: new AudioCache({ maxBytes: 1e7 }) });
    for (const chunk of await collect(cached.synthesize({ text }))) chunk.pcm.fill(0);
    const hit = await collect(cached.synthesize({ text }));
    for (const chunk of hit) chunk.pcm.fill(0);
    const again = await collect(cached.synthesize({ text }));
    expect(again.some((chunk) => chunk.pcm.some((s) => s !== 0))).toBe(true);
  });

  it("keys audio by the backend that produced it: a fallback's audio is replayed only while the fallback would speak", async () => {
    let primaryDown = true;
    const primaryBase = counting("primary");
    const primary: TtsProvider = {
      ...primaryBase,
      async *synthesize(request) {
        if (primaryDown) throw new Error("down");
        yield* primaryBase.synthesize(request);
      },
    };
    const fallback = counting("fallback", 30);
    const cached = createTtsCache(createTtsFailover(primary, fallback, { cooldownMs: 60_000 }), { store: new AudioCache({ maxBytes: 1e7 }) });
    const lookups: string[] = [];
    const speak = () => collect(cached.synthesize({ text, onReport: (r) => r.type === "cache-lookup" && lookups.push(`${r.backend.id}:${r.hit}`) }));
    await speak(); // the primary fails, the fallback speaks and its audio is stored as the fallback's
    await speak(); // the primary cools down: the fallback would speak, so its cached audio plays
    expect(lookups).toEqual(["primary:false", "fallback:true"]);
    expect(fallback.calls).toBe(1);
    primaryDown = false;
    const fresh = createTtsCache(createTtsFailover(primary, fallback), { store: cached.store });
    const chunks = await collect(fresh.synthesize({ text }));
    // The primary is healthy: it speaks in its own voice (60 ms per character), not the fallback's cached 30.
    expect(chunks.reduce((n, c) => n + c.pcm.length, 0) / 24000).toBeCloseTo((text.length * 60) / 1000, 1);
  });

  it("stores nothing for a request that fails or is left early", async () => {
    const store = new AudioCache({ maxBytes: 1e7 });
    const cached = createTtsCache(createSyntheticTts({ failOnSegment: 0 }), { store });
    await expect(collect(cached.synthesize({ text }))).rejects.toMatchObject({ stage: "tts" });
    for await (const _chunk of cached.synthesize({ text })) break;
    expect(store.stats().entries).toBe(0);
  });

  it("warm() synthesizes the openings not cached yet and reports the ones that fail", async () => {
    const failures: string[] = [];
    const base = createSyntheticTts();
    const tts: TtsProvider = { ...base, async *synthesize(request) { if (request.text === "Hmm.") throw new Error("no"); yield* base.synthesize(request); } };
    const cached = createTtsCache(tts, { store: new AudioCache({ maxBytes: 1e7 }), openings: ["Sure!", "Hmm.", text] });
    expect(await cached.warm({ onError: (opening) => failures.push(opening) })).toBe(2);
    expect(failures).toEqual(["Hmm."]);
    expect(cached.store.stats()).toMatchObject({ entries: 2, hits: 0, misses: 0 }); // warming is not a lookup
    expect(await cached.warm()).toBe(0);
  });
});
