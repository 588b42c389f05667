import { describeLlmConformance } from "@voxpipe/core/conformance";
import { afterAll } from "vitest";
import { createOllamaLlm } from "./create-ollama.js";
import { chatStream, startFakeOllama } from "./__fixtures__/fake-ollama.js";

// One fake server streams the full fixture; the other drops the connection after five lines.
const healthy = startFakeOllama(chatStream("chat-stream.ndjson", { delayMs: 10 }));
const dropping = startFakeOllama(chatStream("chat-stream.ndjson", { delayMs: 10, dropAfter: 5 }));
afterAll(async () => {
  await Promise.all([(await healthy).close(), (await dropping).close()]);
});

describeLlmConformance({
  name: "ollama (fake server)",
  create: async () => createOllamaLlm({ host: (await healthy).url, model: "llama3.2" }),
  createFailing: async () => createOllamaLlm({ host: (await dropping).url, model: "llama3.2", retries: 0 }),
});
