import { describeLlmConformance } from "@voxpipe/core/conformance";
import { afterAll } from "vitest";
import { createOllama } from "./create-ollama.js";
import { chatStream, startFakeOllama } from "./__fixtures__/fake-ollama.js";

// One fake server streams the full fixture; the other drops the connection after five lines.
const healthy = startFakeOllama(chatStream("chat-stream.ndjson", { delayMs: 10 }));
const dropping = startFakeOllama(chatStream("chat-stream.ndjson", { delayMs: 10, dropAfter: 5 }));
afterAll(async () => {
  await Promise.all([(await healthy).close(), (await dropping).close()]);
});

describeLlmConformance({
  name: "ollama (fake server)",
  create: async () => createOllama({ host: (await healthy).url, model: "llama3.2" }),
  createFailing: async () => createOllama({ host: (await dropping).url, model: "llama3.2", retries: 0 }),
});
