import { readFileSync } from "node:fs";
import { sendChunks, startFakeServer, type FakeServer, type Route, type SendOptions } from "@voxpipe/core/testing";

/** A fixture file's exact bytes, as text. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
}

/** The events of an SSE fixture, each with its blank-line terminator, as the server writes them. */
export function sseEvents(name: string): string[] {
  return fixture(name).split(/(?<=\n\n)/);
}

/** The reply text (`delta.content`) or reasoning (`delta.reasoning_content` / `delta.reasoning`) a fixture carries. */
export function fixtureText(name: string, field: "content" | "reasoning" = "content"): string {
  return sseEvents(name)
    .filter((event) => event.startsWith("data: {"))
    .map((event) => {
      const delta = (JSON.parse(event.slice(6)) as { choices: { delta?: Record<string, unknown> }[] }).choices[0]?.delta ?? {};
      const value = field === "content" ? delta["content"] : delta["reasoning_content"] ?? delta["reasoning"];
      return typeof value === "string" ? value : "";
    })
    .join("");
}

/** `/v1/chat/completions` answering with an SSE fixture (200, `text/event-stream`, chunked), one event per write. */
export function chatStream(name = "chat-stream.sse", send: SendOptions = {}): Route {
  return async (_request, response) => {
    response.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache", "X-Request-Id": "req_7f1c2a9d4e" });
    await sendChunks(response, sseEvents(name), send);
  };
}

/** An error answer with a JSON body (OpenAI's `{ "error": { … } }` or another server's shape). */
export function errorAnswer(status: number, body: string, headers: Record<string, string> = {}): Route {
  return (_request, response) => {
    response.writeHead(status, { "Content-Type": "application/json", ...headers }).end(body);
  };
}

/** A fake OpenAI-compatible server whose `/v1/chat/completions` answers as given; its baseURL ends in /v1. */
export async function startFakeOpenai(chat: Route): Promise<FakeServer & { baseURL: string }> {
  const server = await startFakeServer({ "POST /v1/chat/completions": chat });
  return Object.assign(server, { baseURL: `${server.url}/v1` });
}
