import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { main } from "./main.js";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/bin.js");
const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-serve-"));
const configFile = path.join(dir, "voxpipe.config.yaml");
// TEST DOUBLES: the scripted LLM and the synthetic tone TTS.
writeFileSync(
  configFile,
  `llm: { use: "@voxpipe/core/testing#scriptedLlm", options: { text: "Hello from the server. This is the second sentence.", tokensPerSecond: 200 } }\n` +
    `tts: { use: "@voxpipe/core/testing#syntheticTts", options: { sampleRate: 16000 } }\n` +
    `server: { drainMs: 5000, apiKeys: ["sk-serve-test-key"] }\n`,
);

describe("voxpipe serve", () => {
  it("prints its URL, speaks through the openai client, and exits 0 after a SIGTERM drain", async () => {
    const child = spawn(process.execPath, [bin, "serve", "--config", configFile, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.on("exit", (code) => reject(new Error(`voxpipe serve exited with ${code}: ${stderr}`)));
    });
    const client = new OpenAI({ apiKey: "sk-serve-test-key", baseURL: `${url}/v1`, maxRetries: 0 });
    const speech = await client.audio.speech.create({ model: "voxpipe", voice: "alloy", input: "Hello there. Two sentences.", response_format: "pcm" });
    expect((await speech.arrayBuffer()).byteLength).toBeGreaterThan(24_000);
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/SIGTERM: draining/);
  });

  it("config check masks the server's API keys", async () => {
    const stdout: string[] = [];
    expect(await main(["config", "check", configFile], { stdout: (s) => stdout.push(s), stderr: () => undefined })).toBe(0);
    const printed = stdout.join("\n");
    expect(printed).not.toContain("sk-serve-test-key");
    expect(JSON.parse(printed).server.apiKeys).toEqual(["***"]);
  });

  it("--port must be a port number", async () => {
    const stderr: string[] = [];
    expect(await main(["serve", "--port", "eighty"], { stdout: () => undefined, stderr: (s) => stderr.push(s) })).toBe(1);
    expect(stderr.join("\n")).toMatch(/--port: expected a whole number from 0 to 65535, received "eighty"/);
  });
});
