// Shared building blocks for adapter packages (timeouts, retries, error classification, PCM decoding).
export {};
