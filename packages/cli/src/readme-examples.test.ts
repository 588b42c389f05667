import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startFakeChatServer } from "@voxpipe/core/testing";
import { describe, expect, it } from "vitest";

// The README's library examples, run as written in a project that depends on voxpipe (a link to this package),
// against a local OpenAI-compatible server (the real openai client) and the real eSpeak NG.
const packageDir = path.resolve(import.meta.dirname, "..");
const readme = readFileSync(path.join(packageDir, "README.md"), "utf8");
const library = readme.slice(readme.indexOf("\n## Library\n"), readme.indexOf("\n## ", readme.indexOf("\n## Library\n") + 1));
const examples = [...library.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "voxpipe-readme-"));
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(packageDir, path.join(dir, "node_modules", "voxpipe"), "dir");
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  return dir;
}

const run = promisify(execFile);

function wavFormat(bytes: Buffer): { sampleRate: number; channels: number; dataBytes: number } {
  expect(bytes.subarray(0, 4).toString("latin1")).toBe("RIFF");
  return { channels: bytes.readUInt16LE(22), sampleRate: bytes.readUInt32LE(24), dataBytes: bytes.length - 44 };
}

describe("the README's library examples", () => {
  it("finds both examples", () => {
    expect(examples).toHaveLength(2);
  });

  it("a two-question voice chat, written to a 16 kHz WAV, sends the first turn with the second question", async () => {
    const server = await startFakeChatServer((messages) => (messages.length > 2 ? "It is curved because raindrops are round." : "A rainbow is light split by rain."));
    try {
      const dir = project();
      writeFileSync(path.join(dir, "chat.mjs"), examples[0]!);
      const { stdout } = await run(process.execPath, ["chat.mjs"], { cwd: dir, env: { ...process.env, OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: "sk-test", VOXPIPE_LOG_LEVEL: "silent" } });
      expect(stdout).toBe("A rainbow is light split by rain.\nIt is curved because raindrops are round.\n");
      const second = server.chats()[1];
      expect(second?.slice(0, 3)).toEqual([
        { role: "system", content: "You are a voice assistant. Answer in two short sentences." },
        { role: "user", content: "What is a rainbow?" },
        { role: "assistant", content: "A rainbow is light split by rain." },
      ]);
      const wav = wavFormat(readFileSync(path.join(dir, "chat.wav")));
      expect(wav).toMatchObject({ sampleRate: 16000, channels: 1 });
      expect(wav.dataBytes).toBeGreaterThan(16000 * 2);
    } finally {
      await server.close();
    }
  });

  it("a text stream spoken as a WAV on stdout", async () => {
    const dir = project();
    writeFileSync(path.join(dir, "speak.mjs"), examples[1]!);
    const { stdout } = await run(process.execPath, ["speak.mjs"], { cwd: dir, encoding: "buffer", maxBuffer: 64 * 1024 * 1024 });
    const wav = wavFormat(stdout);
    expect(wav).toMatchObject({ sampleRate: 22050, channels: 1 });
    expect(wav.dataBytes).toBeGreaterThan(22050 * 2);
  });
});
