/** Secrets shorter than this are left alone: replacing them would mangle ordinary words. */
const minimumSecretLength = 4;

/** `text` with every secret (of 4 characters or more) replaced by `***`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) if (secret.length >= minimumSecretLength) result = result.split(secret).join("***");
  return result;
}

/** True when `text` contains one of the secrets that {@link redactSecrets} would replace. */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => secret.length >= minimumSecretLength && text.includes(secret));
}
