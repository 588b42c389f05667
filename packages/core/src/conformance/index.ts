/** Conformance suites (vitest) that every adapter package runs against itself. Needs `vitest` installed. */
export { describeLlmConformance, type LlmConformanceOptions } from "./llm-conformance.js";
export { describeTtsConformance, type TtsConformanceOptions } from "./tts-conformance.js";
export { describeInlineThinkConformance, type InlineThinkConformanceOptions, type SplitThinkTags } from "./inline-think-conformance.js";
