// One policy for secrets: what counts as one, and how it is masked in errors, logs, events and printed config.
export { maskCredentialPatterns, maskText } from "./credential-patterns.js";
export { maskSecretOptions } from "./mask-secret-options.js";
export { Redactor, minimumSecretLength, patternRedactor } from "./redactor.js";
export { redactingLlm, redactingLogger, redactingTts } from "./redacting-providers.js";
export { isSecretSchema, secret } from "./secret-option.js";
export { secretEnvName, secretOptionName, secretValuesOf, secretValuesOfEnv } from "./secret-values.js";
export { credentialsInUrl, secretQueryParameter } from "./url-credentials.js";
