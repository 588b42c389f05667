import { startFakeChatServer, type FakeChatServer } from "@voxpipe/core/testing";
import type { PipelineEvent } from "@voxpipe/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openVoxpipe, type Voxpipe } from "./open-voxpipe.js";

// The real openai client against a local Chat Completions server, and the real eSpeak NG TTS.
let server: FakeChatServer;
let voxpipe: Voxpipe;

beforeAll(async () => {
  server = await startFakeChatServer((messages) =>
    messages.at(-1)?.content === "Why?" ? "It is blue because of the air." : "The sky is blue. It has no clouds today.",
  );
  voxpipe = await openVoxpipe({
    config: {
      llm: { use: "@voxpipe/llm-openai", options: { baseURL: server.baseURL, model: "fake", apiKey: "sk-test" } },
      tts: { use: "@voxpipe/tts-espeak", options: { voice: "en-us" } },
      segmenter: { minLength: 5, firstMinLength: 5 },
      conversation: { system: "You are a voice assistant." },
      log: { level: "silent" },
    },
    env: {},
  });
});

afterAll(async () => {
  await voxpipe?.dispose();
  await server?.close();
});

async function collect(events: AsyncIterable<PipelineEvent>): Promise<PipelineEvent[]> {
  const out: PipelineEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

const audioOf = (events: PipelineEvent[]) => events.flatMap((e) => (e.type === "audio" ? [e] : []));

describe("openVoxpipe from a config object", () => {
  it("runs with the object's settings", () => {
    expect(voxpipe.loaded.file).toBeUndefined();
    expect(voxpipe.loaded.config.conversation.system).toBe("You are a voice assistant.");
  });

  it('rejects a bad object with every problem, naming "(config object)", and both config and configFile', async () => {
    await expect(openVoxpipe({ config: { pipeline: { mode: "fast" }, tts: { use: "" } } as never, env: {} })).rejects.toThrow(
      /^\(config object\): invalid config:\n(?=[\s\S]*pipeline\.mode)(?=[\s\S]*tts)/,
    );
    await expect(openVoxpipe({ config: {}, configFile: "voxpipe.config.yaml" })).rejects.toThrow(/either `config` .* or `configFile`, not both/);
  });
});

describe("run({ messages })", () => {
  it("sends the chat history as given", async () => {
    const before = server.chats().length;
    const messages = [
      { role: "system", content: "Answer in one line." },
      { role: "user", content: "What colour is the sky?" },
      { role: "assistant", content: "Blue." },
      { role: "user", content: "Why?" },
    ] as const;
    const events = await collect(voxpipe.run({ messages }));
    expect(events.at(-1)?.type).toBe("finish");
    expect(server.chats()[before]).toEqual(messages);
  });
});

describe("conversation()", () => {
  it("sends the system prompt and the earlier turns with the next request", async () => {
    const conversation = voxpipe.conversation();
    const before = server.chats().length;
    await collect(conversation.reply("What colour is the sky?"));
    await collect(conversation.reply("Why?"));
    expect(server.chats()[before + 1]).toEqual([
      { role: "system", content: "You are a voice assistant." },
      { role: "user", content: "What colour is the sky?" },
      { role: "assistant", content: "The sky is blue. It has no clouds today." },
      { role: "user", content: "Why?" },
    ]);
    expect(conversation.history.turns).toHaveLength(4);
    conversation.clear();
    expect(conversation.history.messages()).toEqual([{ role: "system", content: "You are a voice assistant." }]);
  });

  it("keeps a reply stopped early up to the audio delivered, marked interrupted", async () => {
    const conversation = voxpipe.conversation({ system: "" });
    for await (const event of conversation.reply("What colour is the sky?")) {
      if (event.type === "segment-end" && event.segmentIndex === 0) break;
    }
    expect(conversation.history.turns.at(-1)).toEqual({ role: "assistant", content: "The sky is blue.", interrupted: true });
    expect(conversation.history.messages().at(-1)).toEqual({ role: "assistant", content: "The sky is blue.…" });
    await expect(async () => {
      const first = conversation.reply("One");
      await first.next();
      try {
        await conversation.reply("Two").next();
      } finally {
        await first.return(undefined);
      }
    }).rejects.toThrow(/a reply is still in progress/);
  });
});

describe("speak(textStream)", () => {
  it("speaks a plain async iterable with the same events as a run", async () => {
    async function* textStream() {
      for (const piece of ["Streaming text ", "from anywhere. It is ", "spoken as it comes."]) yield piece;
    }
    const events = await collect(voxpipe.speak(textStream()));
    expect(events.filter((e) => e.type === "segment").map((e) => (e.type === "segment" ? e.text : ""))).toEqual(["Streaming text from anywhere.", "It is spoken as it comes."]);
    expect(audioOf(events).length).toBeGreaterThan(0);
    expect(audioOf(events).some((e) => (e.words?.length ?? 0) > 0)).toBe(true);
    expect(events.at(-1)?.type).toBe("finish");
  });
});

describe("output format", () => {
  it("converts eSpeak's 22,050 Hz mono to the asked rate and channels, per run or for the whole Voxpipe", async () => {
    const native = audioOf(await collect(voxpipe.speak(["Hello there."])));
    expect(native[0]).toMatchObject({ sampleRate: 22050, channels: 1 });
    const frames = (audio: typeof native) => audio.reduce((sum, e) => sum + e.pcm.length / e.channels, 0);

    const wide = audioOf(await collect(voxpipe.speak(["Hello there."], { output: { sampleRate: 48000, channels: 2 } })));
    for (const e of wide) expect([e.sampleRate, e.channels]).toEqual([48000, 2]);
    // eSpeak's length varies by a few ms between runs; core's test pins the exact length with a deterministic TTS.
    const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(expected * 0.01);
    close(frames(wide), (frames(native) * 48000) / 22050);

    const phone = await openVoxpipe({ config: { ...voxpipe.loaded.config, output: { sampleRate: 8000 } }, env: {} });
    try {
      const narrow = audioOf(await collect(phone.speak(["Hello there."])));
      for (const e of narrow) expect([e.sampleRate, e.channels]).toEqual([8000, 1]);
      close(frames(narrow), (frames(native) * 8000) / 22050);
    } finally {
      await phone.dispose();
    }
  });
});
