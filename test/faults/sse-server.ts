// A local OpenAI-compatible Chat Completions server (SSE) for LLM network faults.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type SseFault = "drop" | "garbage" | "invalid-utf8" | "ok";

const chunk = (content: string) =>
  `data: ${JSON.stringify({ id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

/** Starts a server on 127.0.0.1:0 whose reply streams a few sentences and then misbehaves as `fault` says. */
export async function startSseServer(fault: SseFault): Promise<{ url: string; close: () => Promise<void> }> {
  const sentences = ["The first sentence arrives in good order. ", "The second sentence arrives as well. ", "The third sentence never gets here. "];
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(chunk(sentences[0]!));
      response.write(chunk(sentences[1]!));
      setTimeout(() => {
        if (fault === "drop") return response.socket?.destroy();
        if (fault === "garbage") {
          response.write("data: {this is not json\n\n");
          return response.end();
        }
        if (fault === "invalid-utf8") {
          response.write(Buffer.concat([Buffer.from('data: {"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"bad '), Buffer.from([0xff, 0xfe]), Buffer.from(' bytes. "},"finish_reason":null}]}\n\n')]));
        }
        response.write(chunk(sentences[2]!));
        response.write(`data: ${JSON.stringify({ id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`);
        response.end("data: [DONE]\n\n");
      }, 30);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A port that refuses connections: bound once, then closed. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
