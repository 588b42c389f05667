import { describe, expect, it } from "vitest";
import { ConversationHistory, INTERRUPTED_MARK } from "./conversation-history.js";

describe("ConversationHistory", () => {
  it("sends the system prompt first, then the turns in order", () => {
    const history = new ConversationHistory({ system: "Be brief." });
    history.addUser("Hi");
    history.addAssistant("Hello.");
    history.addUser("How are you?");
    expect(history.messages()).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello." },
      { role: "user", content: "How are you?" },
    ]);
  });

  it("drops the oldest turns beyond maxTurns, never starting on an assistant turn", () => {
    const history = new ConversationHistory({ maxTurns: 3 });
    for (let i = 1; i <= 3; i++) {
      history.addUser(`q${i}`);
      history.addAssistant(`a${i}`);
    }
    history.addUser("q4");
    expect(history.turns.map((t) => t.content)).toEqual(["q3", "a3", "q4"]);
  });

  it("drops the oldest turns beyond maxChars but keeps the newest even when it alone is longer", () => {
    const history = new ConversationHistory({ maxChars: 100 });
    history.addUser("x".repeat(60));
    history.addAssistant("y".repeat(30));
    history.addUser("z".repeat(30));
    expect(history.turns.map((t) => t.content[0])).toEqual(["z"]);
    history.addAssistant("w".repeat(150));
    expect(history.turns.map((t) => t.content[0])).toEqual(["w"]);
  });

  it("keeps an interrupted reply up to what was heard, marked, and shows the LLM that it trailed off", () => {
    const history = new ConversationHistory();
    history.addUser("Tell me a story.");
    history.addAssistant("Once upon a time there was a fox. It lived in a wood.");
    history.interruptLastReply("Once upon a time");
    expect(history.turns[1]).toEqual({ role: "assistant", content: "Once upon a time", interrupted: true });
    expect(history.messages()[1]).toEqual({ role: "assistant", content: `Once upon a time${INTERRUPTED_MARK}` });
  });

  it("forgets a reply stopped before anything was heard, and clear() forgets everything but the system prompt", () => {
    const history = new ConversationHistory({ system: "S" });
    history.addUser("Hi");
    history.addAssistant("", { interrupted: true });
    expect(history.turns).toHaveLength(1);
    history.addAssistant("Hello");
    history.interruptLastReply(" ");
    expect(history.turns).toHaveLength(1);
    history.clear();
    expect(history.messages()).toEqual([{ role: "system", content: "S" }]);
  });

  it("rejects settings out of range, naming the key", () => {
    expect(() => new ConversationHistory({ maxTurns: 0 })).toThrow(/maxTurns/);
  });
});
