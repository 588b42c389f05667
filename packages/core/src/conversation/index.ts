export * from "./conversation-config-schema.js";
export * from "./conversation-history.js";
export * from "./reply-transcript.js";
