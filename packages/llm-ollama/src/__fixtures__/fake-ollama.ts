import { readFileSync } from "node:fs";
import { sendChunks, startFakeServer, type FakeServer, type Route, type SendOptions } from "@voxpipe/core/testing";

/** A fixture file's exact bytes, as text. */
export function fixture(name: string): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
}

/** The lines of an NDJSON fixture, each with its newline, as Ollama writes them. */
export function ndjsonLines(name: string): string[] {
  return fixture(name).split(/(?<=\n)/);
}

/** The reply text (`message.content`) or reasoning (`message.thinking`) a fixture carries. */
export function fixtureText(name: string, field: "content" | "thinking" = "content"): string {
  return ndjsonLines(name).map((line) => (JSON.parse(line) as { message?: Record<string, string> }).message?.[field] ?? "").join("");
}

/**
 * A fixture's lines with its `message.content` lines replaced by one per piece (another chunking, or other
 * text); the first content line is the template for each, the lines without content stay as they are.
 */
export function withContent(name: string, pieces: readonly string[]): string[] {
  const lines = ndjsonLines(name);
  const contentOf = (line: string): string => (JSON.parse(line) as { message?: { content?: string } }).message?.content ?? "";
  const first = lines.findIndex((line) => contentOf(line) !== "");
  const template = JSON.parse(lines[first] ?? "{}") as { message: Record<string, unknown> };
  const piece = (text: string): string => `${JSON.stringify({ ...template, message: { ...template.message, content: text } })}\n`;
  return [...lines.slice(0, first), ...pieces.map(piece), ...lines.slice(first).filter((line) => contentOf(line) === "")];
}

/** `/api/chat` answering with an NDJSON fixture, as Ollama does (200, `application/x-ndjson`, chunked). */
export function chatStream(name = "chat-stream.ndjson", send: SendOptions = {}): Route {
  return chatLines(ndjsonLines(name), send);
}

/** `/api/chat` answering with the given NDJSON lines, one per write. */
export function chatLines(lines: readonly string[], send: SendOptions = {}): Route {
  return async (_request, response) => {
    response.writeHead(200, { "Content-Type": "application/x-ndjson" });
    await sendChunks(response, lines, send);
  };
}

/** An error answer with Ollama's `{"error": …}` JSON body. */
export function errorAnswer(status: number, body: string, headers: Record<string, string> = {}): Route {
  return (_request, response) => {
    response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", ...headers }).end(body);
  };
}

/** A fake Ollama: `/api/version` and `/api/tags` from fixtures, `/api/chat` as given. */
export function startFakeOllama(chat: Route, routes: Record<string, Route> = {}): Promise<FakeServer> {
  const json = (name: string): Route => (_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json; charset=utf-8" }).end(fixture(name));
  };
  return startFakeServer({ "GET /api/version": json("version.json"), "GET /api/tags": json("tags.json"), "POST /api/chat": chat, ...routes });
}
