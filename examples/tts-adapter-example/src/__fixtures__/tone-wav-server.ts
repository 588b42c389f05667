// TEST DOUBLE: a stand-in for an OpenTTS / Mimic 3 style server, on 127.0.0.1 and a free port. It answers
// GET /api/tts?text=…&voice=… with a WAV of a tone (not speech) 60 ms long per character, after a render delay
// of 1 ms per character, and records each request so tests can check what the adapter sent.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface ToneWavServerOptions {
  /** Sample rate of the WAVs it sends. Default 22050. */
  sampleRate?: number;
  /** Answer every request with this status and body instead of a WAV. */
  fail?: { status: number; body: string };
}

export interface ToneWavServer {
  /** The TTS endpoint, e.g. http://127.0.0.1:40123/api/tts. */
  url: string;
  /** Every request received: its path and query parameters. */
  requests: { path: string; query: Record<string, string>; accept: string | undefined; authorization?: string }[];
  close(): Promise<void>;
}

export async function startToneWavServer(options: ToneWavServerOptions = {}): Promise<ToneWavServer> {
  const sampleRate = options.sampleRate ?? 22050;
  const requests: ToneWavServer["requests"] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), accept: request.headers.accept, ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}) });
    if (options.fail) {
      response.writeHead(options.fail.status, { "content-type": "text/plain" }).end(options.fail.body);
      return;
    }
    if (url.pathname !== "/api/tts") {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      return;
    }
    const text = url.searchParams.get("text") ?? "";
    const timer = setTimeout(() => response.writeHead(200, { "content-type": "audio/wav" }).end(toneWav(text.length * 0.06, sampleRate)), text.length);
    response.on("close", () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/tts`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A mono 16-bit WAV of a 220 Hz tone at half amplitude, with a LIST chunk before `data` as some servers write. */
export function toneWav(seconds: number, sampleRate: number): Buffer {
  const frames = Math.round(seconds * sampleRate);
  const list = Buffer.from("LIST\x04\x00\x00\x00INFO", "latin1");
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(36 + list.length + frames * 2, 4);
  header.write("WAVEfmt ", 8, "latin1");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "latin1");
  header.writeUInt32LE(frames * 2, 40);
  const pcm = Buffer.alloc(frames * 2);
  for (let i = 0; i < frames; i++) pcm.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 220 * i) / sampleRate) * 0x3fff), i * 2);
  return Buffer.concat([header.subarray(0, 36), list, header.subarray(36), pcm]);
}
