// A client that floods the playground with bad messages and never reads: the server's memory stays bounded.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { floodWithoutReading } from "./support/flood-client.js";
import { fixture } from "./support/server.js";

const bin = fileURLToPath(new URL("../../apps/playground/dist/bin.js", import.meta.url));
const limitsServer = fileURLToPath(new URL("./support/limits-server.mjs", import.meta.url));

/** Resident memory of a process, in MB (Linux /proc). */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Starts the real `voxpipe-playground` command (or, with `limits`, a server with those caps) on a free port; resolves once it printed its URL. */
async function startServer(limits?: object): Promise<{ child: ChildProcess; port: number }> {
  const args = limits ? [limitsServer, fixture("fast-doubles.yaml"), JSON.stringify(limits)] : [bin, "--config", fixture("fast-doubles.yaml"), "--port", "0"];
  const child = spawn(process.execPath, args, { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, VOXPIPE_LOG_LEVEL: "silent" } });
  running.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = "";
    child.stdout!.on("data", (chunk) => {
      stdout += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`the playground exited (${code}) before printing its URL`)));
  });
  return { child, port };
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGKILL");
});

/** Floods the server at `port` for 2 s with one-byte bad messages, never reading; samples the server's RSS meanwhile. */
async function measureFlood(child: ChildProcess, port: number) {
  const baseline = rssMb(child.pid!);
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 50);
  const flood = await floodWithoutReading(port, "x", 2000);
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(child.pid!));
  console.log(`flood: ${flood.messagesSent} messages written in 2 s; server RSS ${baseline.toFixed(0)} → peak ${peak.toFixed(0)} MB (+${(peak - baseline).toFixed(0)} MB); close ${flood.closeCode ?? "none"} ${flood.closeReason ?? ""}`);
  return { ...flood, growthMb: peak - baseline };
}

/** The server still serves a well-behaved client. */
async function helloType(port: number): Promise<string> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
  const hello = await new Promise<{ type: string }>((resolve, reject) => {
    ws.once("message", (data) => resolve(JSON.parse(String(data)) as { type: string }));
    ws.once("error", reject);
  });
  ws.close();
  return hello.type;
}

describe.skipIf(process.platform !== "linux")("playground under a non-reading flood", () => {
  it("2 s of one-byte bad messages from a client that never reads (the real command, default caps): closed with 1008, RSS bounded, others keep working", async () => {
    const { child, port } = await startServer();
    const flood = await measureFlood(child, port);
    expect(flood.closeCode).toBe(1008);
    expect(flood.closeReason).toBe("too many protocol errors (more than 20 in a minute); fix the client and reconnect");
    expect(flood.growthMb).toBeLessThan(25); // before the caps: +52 MB in 2 s, growing with the flood
    expect(await helloType(port)).toBe("hello");
  });

  it("the same flood with the protocol-error cap lifted: the send-queue cap (4096 frames) closes it with 4000, RSS bounded", async () => {
    const { child, port } = await startServer({ maxProtocolErrorsPerMinute: 1e9 });
    const flood = await measureFlood(child, port);
    expect(flood.closeCode).toBe(4000);
    expect(flood.closeReason).toBe("client not reading: 4097 frames queued for it (the limit is 4096)");
    expect(flood.growthMb).toBeLessThan(25); // before the caps: +52 MB in 2 s, growing with the flood
    expect(await helloType(port)).toBe("hello");
  });
});
