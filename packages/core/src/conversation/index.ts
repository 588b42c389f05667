export * from "./conversation-config-schema.js";
export * from "./conversation-history.js";
