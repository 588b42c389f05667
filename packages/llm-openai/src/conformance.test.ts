import { describeLlmConformance } from "@voxpipe/core/conformance";
import { afterAll } from "vitest";
import { createOpenAiLlm } from "./create-openai.js";
import { chatStream, startFakeOpenai } from "./__fixtures__/fake-openai.js";

// One fake server streams the full fixture; the other drops the connection after six events.
const healthy = startFakeOpenai(chatStream("chat-stream.sse", { delayMs: 10 }));
const dropping = startFakeOpenai(chatStream("chat-stream.sse", { delayMs: 10, dropAfter: 6 }));
afterAll(async () => {
  await Promise.all([(await healthy).close(), (await dropping).close()]);
});

describeLlmConformance({
  name: "openai (fake server)",
  create: async () => createOpenAiLlm({ baseURL: (await healthy).baseURL, model: "gpt-4o-mini" }),
  createFailing: async () => createOpenAiLlm({ baseURL: (await dropping).baseURL, model: "gpt-4o-mini", retries: 0 }),
});
