/**
 * Query parameter names whose value is a credential (`?api-key=…`, `&token=…`,
 * `&sig=…`, AWS and Azure signatures, …), compared case-insensitively.
 */
export const secretQueryParameter = /^(?:api[-_]?key|apikey|key|token|access[-_]?token|refresh[-_]?token|id[-_]?token|auth|authorization|sig|signature|secret|client[-_]?secret|password|passwd|pwd|session|sessionid|jwt|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential)$/i;

/** The credentials inside one URL: its user name and password, and the values of secret-looking query parameters. */
export function credentialsInUrl(text: string): string[] {
  if (!text.includes("://") || !URL.canParse(text)) return [];
  const url = new URL(text);
  const found: string[] = [];
  for (const part of [url.username, url.password]) {
    if (part) found.push(part, safeDecode(part));
  }
  for (const [name, value] of url.searchParams) {
    if (value && secretQueryParameter.test(name)) found.push(value, encodeURIComponent(value));
  }
  return found;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
