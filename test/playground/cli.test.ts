// The playground's command line as a user runs it: `node apps/playground/dist/bin.js …`.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixture } from "./support/server.js";

const bin = fileURLToPath(new URL("../../apps/playground/dist/bin.js", import.meta.url));

/** Runs the bin until it exits, or until it prints its URL (then stops it with SIGTERM). */
function runBin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string; url?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, VOXPIPE_LOG_LEVEL: "silent" } });
    let stdout = "";
    let stderr = "";
    let url: string | undefined;
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const match = /voxpipe playground: (http:\/\/\S+)/.exec(stdout);
      if (match?.[1] && !url) {
        url = match[1];
        void fetch(match[1]).then((response) => {
          expect(response.status).toBe(200);
          child.kill("SIGTERM");
        }, reject);
      }
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ...(url ? { url } : {}) });
    });
  });
}

describe("voxpipe-playground command", () => {
  it("refuses to start with a bad config: prints what is wrong and exits 1", async () => {
    const result = await runBin(["--config", fixture("bad-config.yaml"), "--port", "0"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("bad-config.yaml: invalid config");
    expect(result.stderr).toContain("pipeline.mode");
    expect(result.stdout).not.toContain("http://");
  });

  it("exits 1 with a clear message when the port is in use", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runBin(["--config", fixture("fast-doubles.yaml"), "--port", String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("starts with `-- --config … --port 0` (as pnpm start passes it), prints the URL on 127.0.0.1 and stops on SIGTERM", async () => {
    const result = await runBin(["--", "--config", fixture("fast-doubles.yaml"), "--port", "0"]);
    expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(result.code).toBe(0);
  });
});
