import { once } from "node:events";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { decodeAudioFrame } from "./audio-frame.js";
import type { ServerMessage } from "./protocol.js";
import type { RunEndInfo, ServerCloseInfo } from "./session.js";
import { startPlayground, type Playground, type StartPlaygroundOptions } from "./start-playground.js";
import { testBackend, TestClient } from "./__fixtures__/test-backend.js";

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

async function start(options: Partial<StartPlaygroundOptions> = {}): Promise<Playground & { wsUrl: string; origin: string }> {
  const playground = await startPlayground({ backend: testBackend(), ...options });
  open.push(playground);
  return { ...playground, wsUrl: `ws://127.0.0.1:${playground.port}/ws`, origin: `http://127.0.0.1:${playground.port}` };
}

async function client(url: string, origin: string): Promise<TestClient> {
  const connected = await TestClient.open(url, origin);
  open.push(connected);
  return connected;
}

/** The status code of a refused upgrade. */
async function refusedStatus(url: string, headers: Record<string, string>): Promise<number> {
  const socket = new WebSocket(url, { headers });
  socket.on("error", () => {});
  const [, response] = (await once(socket, "unexpected-response")) as [unknown, { statusCode: number }];
  socket.terminate();
  return response.statusCode;
}

describe("playground server", () => {
  it("says hello with backend ids and model names only, then streams a run as JSON events and binary audio", async () => {
    const server = await start();
    const ws = await client(server.wsUrl, server.origin);
    const hello = ws.messages[0] as Extract<ServerMessage, { type: "hello" }>;
    expect(hello.backends).toEqual({
      llm: { id: "scripted-llm (test double)", model: "scripted" },
      tts: { id: "synthetic-tts (test double)", voice: "tone", sampleRate: 16000, channels: 1, streaming: "fragments" },
      mode: "streaming",
      config: "test",
      conversation: { maxTurns: 20, maxChars: 8000, systemPrompt: false },
    });
    ws.send({ type: "run", prompt: "Say hello", mode: "streaming" });
    const start_ = await ws.next<Extract<ServerMessage, { type: "run-start" }>>((m) => m.type === "run-start");
    const end = await ws.next<Extract<ServerMessage, { type: "run-end" }>>((m) => m.type === "run-end");
    expect(end).toEqual({ type: "run-end", runId: start_.runId, reason: "finished" });
    const types = new Set(ws.messages.map((m) => m.type));
    for (const type of ["text-delta", "segment", "segment-end", "finish"]) expect(types).toContain(type);
    expect(ws.frames.length).toBeGreaterThan(0);
    const decoded = ws.frames.map((frame) => decodeAudioFrame(frame));
    expect(decoded.every(({ header }) => header.runId === start_.runId && header.sampleRate === 16000 && header.channels === 1)).toBe(true);
    const seconds = decoded.reduce((sum, { samples }) => sum + samples.length / 16000, 0);
    const finish = ws.messages.find((m) => m.type === "finish") as Extract<ServerMessage, { type: "finish" }>;
    expect(seconds * 1000).toBeCloseTo(finish.metrics.audioMs, -1);
    expect(finish.metrics.ttfaMs).not.toBeNull();
  });

  it("stops a run on request: the pipeline is cancelled, run-end says stopped, the hook hears it", async () => {
    const ended: RunEndInfo[] = [];
    const server = await start({ backend: testBackend({ tokensPerSecond: 20 }, { realTimeFactor: 1 }), hooks: { onRunEnd: (info) => ended.push(info) } });
    const ws = await client(server.wsUrl, server.origin);
    ws.send({ type: "run", prompt: "Talk for a while" });
    await ws.next((m) => m.type === "segment");
    ws.send({ type: "stop" });
    const end = await ws.next<Extract<ServerMessage, { type: "run-end" }>>((m) => m.type === "run-end");
    expect(end.reason).toBe("stopped");
    expect(end.cancelMs).toEqual(expect.any(Number)); // how fast is for the benchmarks; here, that it was measured
    expect(ended).toEqual([expect.objectContaining({ reason: "stopped", runId: end.runId })]);
    const afterEnd = ws.messages.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ws.messages.length).toBe(afterEnd);
    // The connection is free for the next run.
    ws.send({ type: "run", prompt: "Again" });
    await ws.next((m) => m.type === "run-start" && m.runId !== end.runId);
  });

  it("answers malformed messages with a protocol-error frame and keeps serving", async () => {
    const server = await start();
    const ws = await client(server.wsUrl, server.origin);
    const errorCode = async (message: unknown): Promise<string> => {
      const before = ws.messages.length;
      ws.send(message);
      const reply = await ws.next((m) => ws.messages.indexOf(m) >= before && m.type === "protocol-error");
      return (reply as Extract<ServerMessage, { type: "protocol-error" }>).code;
    };
    expect(await errorCode("{not json")).toBe("bad-json");
    expect(await errorCode({ type: "dance" })).toBe("bad-message");
    expect(await errorCode({ type: "run" })).toBe("bad-message");
    expect(await errorCode({ type: "run", prompt: "   " })).toBe("bad-message");
    expect(await errorCode({ type: "run", prompt: "x".repeat(2001) })).toBe("bad-message");
    expect(await errorCode({ type: "run", prompt: "hi", mode: "fast" })).toBe("bad-message");
    expect(await errorCode([1, 2, 3])).toBe("bad-message");
    ws.socket.send(Buffer.from([1, 2, 3]));
    await ws.next((m) => m.type === "protocol-error" && m.code === "binary-not-accepted");
    ws.send({ type: "run", prompt: "first" });
    expect(await errorCode({ type: "run", prompt: "second at once" })).toBe("busy");
    expect((await ws.next<Extract<ServerMessage, { type: "run-end" }>>((m) => m.type === "run-end")).reason).toBe("finished");
  });

  it("closes a connection that sends more than maxMessageBytes (1009) without disturbing others", async () => {
    const server = await start({ limits: { maxMessageBytes: 1024 } });
    const ws = await client(server.wsUrl, server.origin);
    const other = await client(server.wsUrl, server.origin);
    ws.send({ type: "run", prompt: "x".repeat(5000) });
    const [code] = (await once(ws.socket, "close")) as [number];
    expect(code).toBe(1009);
    other.send({ type: "run", prompt: "still here" });
    await other.next((m) => m.type === "run-end");
  });

  it("refuses upgrades from other origins (403) and on other paths (404); beyond maxConnections it closes at once with 1013 and says why", async () => {
    const refused: Array<{ status: number; closeCode?: number }> = [];
    const server = await start({ limits: { maxConnections: 2 }, hooks: { onUpgradeRefused: ({ status, closeCode }) => refused.push({ status, ...(closeCode ? { closeCode } : {}) }) } });
    expect(await refusedStatus(server.wsUrl, { Origin: "http://evil.example" })).toBe(403);
    expect(await refusedStatus(server.wsUrl, { Origin: `http://localhost:${server.port + 1}` })).toBe(403);
    expect(await refusedStatus(`ws://127.0.0.1:${server.port}/other`, { Origin: server.origin })).toBe(404);
    await client(server.wsUrl, server.origin);
    await client(server.wsUrl, `http://localhost:${server.port}`);
    const third = new WebSocket(server.wsUrl, { origin: server.origin });
    const [code, reason] = (await once(third, "close")) as [number, Buffer];
    expect(code).toBe(1013);
    expect(String(reason)).toBe("server full: all 2 connections are in use; close another playground tab and reload");
    expect(refused).toEqual([{ status: 403 }, { status: 403 }, { status: 404 }, { status: 503, closeCode: 1013 }]);
    expect(server.connections()).toBe(2);
  });

  it("closes a connection with 1008 after more than maxProtocolErrorsPerMinute bad messages", async () => {
    const closes: ServerCloseInfo[] = [];
    const server = await start({ limits: { maxProtocolErrorsPerMinute: 3 }, hooks: { onServerClose: (info) => closes.push(info) } });
    const ws = await client(server.wsUrl, server.origin);
    const closed = once(ws.socket, "close") as Promise<[number, Buffer]>;
    for (let i = 0; i < 10; i++) ws.send("{not json");
    const [code, reason] = await closed;
    expect(code).toBe(1008);
    expect(String(reason)).toBe("too many protocol errors (more than 3 in a minute); fix the client and reconnect");
    expect(ws.messages.filter((m) => m.type === "protocol-error")).toHaveLength(3);
    expect(closes).toEqual([expect.objectContaining({ code: 1008 })]);
    const other = await client(server.wsUrl, server.origin);
    expect(other.messages[0]?.type).toBe("hello");
  });

  /** Sends one-byte bad messages without reading replies until the server closes the connection; returns what it reported. */
  async function floodUntilClosed(limits: Partial<StartPlaygroundOptions["limits"]>): Promise<{ close: ServerCloseInfo; code: number }> {
    const closes: ServerCloseInfo[] = [];
    const server = await start({ limits: { maxProtocolErrorsPerMinute: 1e9, ...limits }, hooks: { onServerClose: (info) => closes.push(info) } });
    const ws = await client(server.wsUrl, server.origin);
    ws.socket.pause(); // never read: the server's protocol-error replies pile up on its side
    for (let sent = 0; closes.length === 0 && sent < 2_000_000; sent += 5000) {
      for (let i = 0; i < 5000; i++) ws.send("x");
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(closes).toHaveLength(1);
    const closed = once(ws.socket, "close") as Promise<[number, Buffer]>;
    ws.socket.resume();
    const [code] = await closed;
    return { close: closes[0]!, code };
  }

  it("closes a client that sends and never reads with 4000 once maxQueuedBytes are queued for it (every frame counts, not only audio)", async () => {
    const maxQueuedBytes = 256 * 1024;
    const { close, code } = await floodUntilClosed({ maxQueuedBytes });
    expect(code).toBe(4000);
    expect(close.reason).toMatch(/^client not reading: 25[6-7] KiB queued for it \(the limit is 256 KiB\)$/);
    // Bounded: the cap plus one reply at most.
    expect(close.queuedBytes).toBeGreaterThan(maxQueuedBytes);
    expect(close.queuedBytes).toBeLessThan(maxQueuedBytes + 1024);
  });

  it("closes a client that never reads with 4000 once maxQueuedFrames are queued for it", async () => {
    const { close, code } = await floodUntilClosed({ maxQueuedFrames: 500 });
    expect(code).toBe(4000);
    expect(close).toMatchObject({ reason: "client not reading: 501 frames queued for it (the limit is 500)", queuedFrames: 501 });
  });

  it("closes a client that takes nothing for maxStallMs while its run waits (4000), so a stalled run does not hold the backends", async () => {
    const closes: ServerCloseInfo[] = [];
    const ended: RunEndInfo[] = [];
    // 20 s of tone per character, made instantly: far more audio than the kernel's socket buffers take (several MB on loopback).
    const server = await start({ backend: testBackend({}, { msPerChar: 20_000, realTimeFactor: 0 }), limits: { maxBufferedBytes: 1024, maxStallMs: 300 }, hooks: { onServerClose: (info) => closes.push(info), onRunEnd: (info) => ended.push(info) } });
    const ws = await client(server.wsUrl, server.origin);
    ws.socket.pause();
    ws.send({ type: "run", prompt: "Talk for a while" });
    for (let i = 0; i < 400 && closes.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(closes).toEqual([expect.objectContaining({ code: 4000, reason: "client not reading: it took nothing for 0.3 s while its run waited" })]);
    for (let i = 0; i < 50 && ended.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ended).toEqual([expect.objectContaining({ reason: "disconnected" })]);
  });

  it("handles messages in order: stop followed at once by run starts the new run", async () => {
    const server = await start({ backend: testBackend({ tokensPerSecond: 20 }, { realTimeFactor: 1 }) });
    const ws = await client(server.wsUrl, server.origin);
    ws.send({ type: "run", prompt: "Talk for a while" });
    const first = await ws.next<Extract<ServerMessage, { type: "run-start" }>>((m) => m.type === "run-start");
    ws.send({ type: "stop" });
    ws.send({ type: "stop" });
    ws.send({ type: "run", prompt: "Next question" });
    const second = await ws.next<Extract<ServerMessage, { type: "run-start" }>>((m) => m.type === "run-start" && m.runId !== first.runId);
    const types = ws.messages.map((m) => (m.type === "run-start" || m.type === "run-end" ? `${m.type} ${m.runId === first.runId ? "first" : "second"}` : m.type));
    expect(types.filter((t) => t.startsWith("run-") || t === "protocol-error")).toEqual(["run-start first", "run-end first", "run-start second"]);
    expect(ws.messages.find((m) => m.type === "run-end")).toMatchObject({ runId: first.runId, reason: "stopped" });
    expect(second.runId).toBeGreaterThan(first.runId);
  });

  it("ends a failing run with an error event and run-end failed; the server keeps going", async () => {
    const server = await start({ backend: testBackend({}, { failOnSegment: 0 }) });
    const ws = await client(server.wsUrl, server.origin);
    ws.send({ type: "run", prompt: "fail please" });
    const error = await ws.next<Extract<ServerMessage, { type: "error" }>>((m) => m.type === "error");
    expect(error).toMatchObject({ stage: "tts", code: "tts-failed" });
    expect(error.message).toMatch(/failOnSegment/);
    expect((await ws.next<Extract<ServerMessage, { type: "run-end" }>>((m) => m.type === "run-end")).reason).toBe("failed");
    const second = await client(server.wsUrl, server.origin);
    expect(second.messages[0]?.type).toBe("hello");
  });

  it("cancels the run when the browser disconnects", async () => {
    const ended: RunEndInfo[] = [];
    const server = await start({ backend: testBackend({ tokensPerSecond: 10 }), hooks: { onRunEnd: (info) => ended.push(info) } });
    const ws = await client(server.wsUrl, server.origin);
    ws.send({ type: "run", prompt: "long" });
    await ws.next((m) => m.type === "run-start");
    ws.socket.terminate();
    for (let i = 0; i < 50 && ended.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ended).toEqual([expect.objectContaining({ reason: "disconnected" })]);
  });

  it("does not negotiate permessage-deflate (audio does not compress; deflate would cost CPU per message)", async () => {
    const server = await start();
    const socket = new WebSocket(server.wsUrl, { origin: server.origin, perMessageDeflate: { clientNoContextTakeover: true } });
    open.push({ close: () => socket.terminate() });
    const upgraded = once(socket, "upgrade") as Promise<[{ headers: Record<string, string | undefined> }]>;
    const opened = once(socket, "open");
    const [response] = await upgraded;
    await opened;
    expect(response.headers["sec-websocket-extensions"]).toBeUndefined();
    expect(socket.extensions).toBe("");
  });

  it("serves the page's files and nothing outside public/", async () => {
    const server = await start();
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await page.text()).toContain('data-testid="speak"');
    expect((await fetch(`${server.url}js/main.js`)).headers.get("content-type")).toMatch(/javascript/);
    expect((await fetch(`${server.url}%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
    expect((await fetch(server.url, { method: "POST" })).status).toBe(405);
  });

  it("serves only files whose real path is inside public/: a symlink to a file outside is 404, one to a file inside is served", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "voxpipe-static-"));
    const publicDir = path.join(root, "public");
    mkdirSync(path.join(publicDir, "js"), { recursive: true });
    writeFileSync(path.join(publicDir, "index.html"), "<!doctype html><title>page</title>");
    writeFileSync(path.join(publicDir, "js", "main.js"), "export {};");
    writeFileSync(path.join(root, "secret.json"), '{"key":"outside public"}');
    symlinkSync(path.join(root, "secret.json"), path.join(publicDir, "leak.json"));
    symlinkSync(root, path.join(publicDir, "up"));
    symlinkSync(path.join(publicDir, "js", "main.js"), path.join(publicDir, "alias.js"));
    const server = await start({ publicDir });
    expect((await fetch(`${server.url}leak.json`)).status).toBe(404);
    expect((await fetch(`${server.url}up/secret.json`)).status).toBe(404);
    const alias = await fetch(`${server.url}alias.js`);
    expect(alias.status).toBe(200);
    expect(await alias.text()).toBe("export {};");
    expect((await fetch(server.url)).status).toBe(200);
  });
});
