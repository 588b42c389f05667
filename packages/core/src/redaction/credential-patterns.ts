/** What a masked secret is replaced with. */
export const maskText = "***";

const patterns: readonly [RegExp, string][] = [
  // URL user info: scheme://user:pass@host → scheme://***@host
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi, `$1${maskText}@`],
  // Secret-looking query parameters: ?api-key=…, &token=…, &sig=… (also URL-encoded `%3D` forms are left alone)
  [/([?&;](?:api[-_]?key|apikey|key|token|access[-_]?token|refresh[-_]?token|id[-_]?token|auth|authorization|sig|signature|secret|client[-_]?secret|password|passwd|pwd|session|sessionid|jwt|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential)=)[^&#\s"'<>]+/gi, `$1${maskText}`],
  // Credentials after an auth scheme: Bearer …, Basic …, Token …
  [/\b(Bearer|Basic|Token|Bot)(\s+)[A-Za-z0-9._~+/=-]{6,}/g, `$1$2${maskText}`],
  // Credential-carrying headers quoted back as `name: value` or `"name": "value"`
  [/(["']?\b(?:authorization|proxy-authorization|x-api-key|api-key|apikey|x-auth-token|x-access-token|cookie|set-cookie|ocp-apim-subscription-key)["']?\s*[:=]\s*["']?)(?!(?:(?:Bearer|Basic|Token)\s+)?\*\*\*)((?:(?:Bearer|Basic|Token)\s+)?)[^\s"',;}]+/gi, `$1$2${maskText}`],
];

/**
 * Masks credentials recognisable by their shape, whoever's they are: URL user
 * info, secret-looking query parameters, `Bearer …` tokens and the values of
 * credential headers (`authorization`, `x-api-key`, `api-key`, `cookie`…).
 */
export function maskCredentialPatterns(text: string): string {
  let result = text;
  for (const [pattern, replacement] of patterns) result = result.replace(pattern, replacement);
  return result;
}
