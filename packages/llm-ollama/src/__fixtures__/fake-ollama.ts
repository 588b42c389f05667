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

/** `/api/chat` answering with an NDJSON fixture, as Ollama does (200, `application/x-ndjson`, chunked). */
export function chatStream(name = "chat-stream.ndjson", send: SendOptions = {}): Route {
  return async (_request, response) => {
    response.writeHead(200, { "Content-Type": "application/x-ndjson" });
    await sendChunks(response, ndjsonLines(name), send);
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
