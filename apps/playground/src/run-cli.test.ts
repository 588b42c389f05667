import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { TestClient } from "./__fixtures__/test-backend.js";

const testDoubles = fileURLToPath(new URL("../../../examples/test-doubles.yaml", import.meta.url));

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line), env: {} } };
}

describe("runCli", () => {
  it("starts with a config, prints the URL and the backends, and shuts down", async () => {
    const { out, io } = captureIo();
    const result = await runCli(["--", "--config", testDoubles, "--port", "0"], io);
    if (typeof result === "number") throw new Error(`exit ${result}`);
    try {
      expect(out[0]).toMatch(/^voxpipe playground: http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(out[1]).toContain("scripted-llm");
      expect((await fetch(result.playground.url)).status).toBe(200);
    } finally {
      await result.shutdown();
    }
  });

  it("logs one line when the server closes a connection for exceeding a cap", async () => {
    const { err, io } = captureIo();
    const result = await runCli(["--config", testDoubles, "--port", "0"], io);
    if (typeof result === "number") throw new Error(`exit ${result}`);
    try {
      const ws = await TestClient.open(`ws://127.0.0.1:${result.playground.port}/ws`);
      const closed = once(ws.socket, "close");
      for (let i = 0; i < 30; i++) ws.send("not json");
      await closed;
      expect(err).toEqual([expect.stringMatching(/^voxpipe-playground: closed connection \d+ \(1008\): too many protocol errors \(more than 20 in a minute\); fix the client and reconnect$/)]);
    } finally {
      await result.shutdown();
    }
  });

  it("prints a bad config's error and exits 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-playground-"));
    const file = path.join(dir, "bad.yaml");
    writeFileSync(file, "llm:\n  use: 42\npipeline: { mode: sideways }\n");
    const { err, io } = captureIo();
    expect(await runCli(["--config", file, "--port", "0"], io)).toBe(1);
    expect(err.join("\n")).toMatch(/cannot start: .*bad\.yaml: invalid config/s);
    expect(err.join("\n")).toContain("pipeline.mode");
  });

  it("exits 1 with a clear message for a missing config file", async () => {
    const { err, io } = captureIo();
    expect(await runCli(["--config", "/nonexistent/voxpipe.yaml"], io)).toBe(1);
    expect(err.join("\n")).toMatch(/Config file not found: \/nonexistent\/voxpipe\.yaml/);
  });

  it("exits 1 with a clear message when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { err, io } = captureIo();
      expect(await runCli(["--config", testDoubles, "--port", String(port)], io)).toBe(1);
      expect(err.join("\n")).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("prints usage for --help (0) and for unknown options (1)", async () => {
    const help = captureIo();
    expect(await runCli(["--help"], help.io)).toBe(0);
    expect(help.out.join("\n")).toContain("--config FILE");
    const bad = captureIo();
    expect(await runCli(["--colour"], bad.io)).toBe(1);
    expect(bad.err.join("\n")).toMatch(/Unknown option '--colour'/);
  });
});
