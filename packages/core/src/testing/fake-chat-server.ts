// TEST DOUBLE: a local OpenAI-compatible Chat Completions server (SSE) that records each request's messages.
import { sendChunks, startFakeServer, type FakeServer, type SendOptions } from "./fake-http-server.js";

/** A message as the fake chat server received it. */
export interface ReceivedChatMessage {
  role: string;
  content: string;
}

/** A fake `/v1/chat/completions` server; `baseURL` (ending in /v1) goes in the openai adapter's options. */
export interface FakeChatServer extends FakeServer {
  baseURL: string;
  /** The `messages` of each chat request, in order. */
  chats(): ReceivedChatMessage[][];
}

/**
 * Starts a server on 127.0.0.1, port 0, that streams `reply(messages, index)`
 * word by word as Chat Completions server-sent events, the way an
 * OpenAI-compatible server does.
 */
export async function startFakeChatServer(reply: (messages: ReceivedChatMessage[], index: number) => string, send: SendOptions = {}): Promise<FakeChatServer> {
  const server = await startFakeServer({
    "POST /v1/chat/completions": async (request, response, index) => {
      const messages = (JSON.parse(request.body) as { messages: ReceivedChatMessage[] }).messages;
      const chunk = (delta: Record<string, unknown>, finish: string | null = null): string =>
        `data: ${JSON.stringify({ id: `chatcmpl-${index}`, object: "chat.completion.chunk", created: 1, model: "fake", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      const words = reply(messages, index).match(/\s*\S+/g) ?? [];
      response.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache" });
      await sendChunks(response, [chunk({ role: "assistant", content: "" }), ...words.map((word) => chunk({ content: word })), chunk({}, "stop"), "data: [DONE]\n\n"], send);
    },
  });
  return Object.assign(server, {
    baseURL: `${server.url}/v1`,
    chats: () => server.requests.filter((r) => r.path === "/v1/chat/completions").map((r) => (JSON.parse(r.body) as { messages: ReceivedChatMessage[] }).messages),
  });
}
