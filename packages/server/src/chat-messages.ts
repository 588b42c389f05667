import type { ChatMessage } from "@voxpipe/core";
import { badRequest } from "./api-error.js";
import type { ChatRequest } from "./chat-request.js";

/** OpenAI chat messages as voxpipe's conversation: `developer` counts as `system`, text parts are joined. */
export function conversationOf(request: ChatRequest, maxChars: number): ChatMessage[] {
  let total = 0;
  const messages = request.messages.map((message, i): ChatMessage => {
    const content = typeof message.content === "string" ? message.content : (message.content ?? []).map((part) => part.text).join("");
    if (!content && message.audio) throw badRequest(`chat.completions: messages.${i}: earlier audio replies are not stored (the server is stateless); send their transcript as content`, `messages.${i}.audio`);
    total += content.length;
    return { role: message.role === "developer" ? "system" : message.role, content };
  });
  if (total > maxChars) throw badRequest(`chat.completions: the messages hold ${total} characters, more than the ${maxChars} allowed (server.limits.maxMessagesChars); shorten the conversation`, "messages", "messages_too_long");
  return messages;
}
