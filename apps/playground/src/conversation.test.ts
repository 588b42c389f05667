import { afterEach, describe, expect, it } from "vitest";
import type { LlmRequest } from "@voxpipe/core";
import type { ServerMessage } from "./protocol.js";
import { startPlayground } from "./start-playground.js";
import { testBackend, TestClient } from "./__fixtures__/test-backend.js";

const open: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

/** The test backend (scripted LLM, synthetic TTS: TEST DOUBLES), recording each request it is asked to run. */
async function start(): Promise<{ ws: TestClient; requests: Omit<LlmRequest, "signal">[] }> {
  const requests: Omit<LlmRequest, "signal">[] = [];
  const backend = testBackend({ text: "Hello there. This is a short reply." });
  const playground = await startPlayground({
    backend: { ...backend, conversation: { system: "Be brief.", maxTurns: 4 }, run: (request, options) => (requests.push(request), backend.run(request, options)) },
  });
  open.push(playground);
  const ws = await TestClient.open(`ws://127.0.0.1:${playground.port}/ws`, `http://127.0.0.1:${playground.port}`);
  open.push(ws);
  return { ws, requests };
}

const runEnds = (ws: TestClient) => ws.messages.filter((m): m is Extract<ServerMessage, { type: "run-end" }> => m.type === "run-end");

async function turn(ws: TestClient, prompt: string): Promise<void> {
  const before = runEnds(ws).length;
  ws.send({ type: "run", prompt });
  await ws.next(() => runEnds(ws).length > before);
}

describe("a playground session is a conversation", () => {
  it("sends the system prompt and every earlier turn with the next request, bounded by maxTurns", async () => {
    const { ws, requests } = await start();
    await turn(ws, "Hi");
    await turn(ws, "And then?");
    expect(requests[1]?.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello there. This is a short reply." },
      { role: "user", content: "And then?" },
    ]);
    expect(ws.messages.filter((m) => m.type === "run-start").map((m) => m.type === "run-start" && m.historyMessages)).toEqual([0, 2]);
    await turn(ws, "Third");
    // maxTurns 4: the first exchange is dropped, oldest first.
    expect(requests[2]?.messages?.map((m) => m.content)).toEqual(["Be brief.", "And then?", "Hello there. This is a short reply.", "Third"]);
  });

  it("keeps a reply stopped while it still played up to what was heard, marked as trailing off", async () => {
    const { ws, requests } = await start();
    await turn(ws, "Hi");
    // The server had finished; the page was still playing and stopped after "Hello there." (12 characters).
    ws.send({ type: "stop", heardChars: 12 });
    await turn(ws, "Go on");
    expect(requests[1]?.messages?.[2]).toEqual({ role: "assistant", content: "Hello there.…" });
  });

  it("new-conversation clears the history, also while a reply runs", async () => {
    const { ws, requests } = await start();
    await turn(ws, "Hi");
    ws.send({ type: "run", prompt: "Tell me more" });
    await ws.next((m) => m.type === "segment" && runEnds(ws).length === 1);
    ws.send({ type: "new-conversation" });
    await ws.next((m) => m.type === "conversation-cleared");
    expect(runEnds(ws).at(-1)?.reason).toBe("stopped");
    await turn(ws, "Fresh start");
    expect(requests.at(-1)?.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Fresh start" },
    ]);
  });
});
