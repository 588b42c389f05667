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
  return sseEvents(name).map((event) => eventText(event, field)).join("");
}

/** The content or reasoning of one SSE event ("" for comments, `[DONE]` and usage chunks). */
function eventText(event: string, field: "content" | "reasoning"): string {
  if (!event.startsWith("data: {")) return "";
  const delta = (JSON.parse(event.slice(6)) as { choices: { delta?: Record<string, unknown> }[] }).choices[0]?.delta ?? {};
  const value = field === "content" ? delta["content"] : delta["reasoning_content"] ?? delta["reasoning"];
  return typeof value === "string" ? value : "";
}

/**
 * A fixture's events with its `delta.content` events replaced by one per piece (another chunking, as a
 * proxy or another server sends it, or other text); the first content event is the template for each.
 */
export function withContent(name: string, pieces: readonly string[]): string[] {
  const events = sseEvents(name);
  const first = events.findIndex((event) => eventText(event, "content") !== "");
  const template = JSON.parse((events[first] ?? "").slice(6)) as { choices: { delta: Record<string, unknown> }[] };
  const piece = (text: string): string => {
    const chunk = structuredClone(template);
    chunk.choices[0] = { ...(chunk.choices[0] as { delta: Record<string, unknown> }), delta: { content: text } };
    return `data: ${JSON.stringify(chunk)}\n\n`;
  };
  return [...events.slice(0, first), ...pieces.map(piece), ...events.slice(first).filter((event) => eventText(event, "content") === "")];
}

/** `/v1/chat/completions` answering with an SSE fixture (200, `text/event-stream`, chunked), one event per write. */
export function chatStream(name = "chat-stream.sse", send: SendOptions = {}): Route {
  return chatEvents(sseEvents(name), send);
}

/** `/v1/chat/completions` answering with the given SSE events, one per write. */
export function chatEvents(events: readonly string[], send: SendOptions = {}): Route {
  return async (_request, response) => {
    response.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache", "X-Request-Id": "req_7f1c2a9d4e" });
    await sendChunks(response, events, send);
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
