import { maskCredentialPatterns, maskText } from "./credential-patterns.js";

/**
 * Secret values shorter than this are not searched for in free text: they would
 * mangle ordinary words (a header `X-Team: voice`). Keys are longer; short URL
 * credentials are still caught by the URL pattern, and `maskSecretOptions`
 * prints every secret option as `***` whatever its length.
 */
export const minimumSecretLength = 8;

const maxCauseDepth = 4;

/**
 * Masks secrets in text and in errors: the known secret values it was given
 * (an adapter's keys, header values, URL credentials, in plain and URL-encoded
 * form) wherever they appear, then credentials recognisable by their shape
 * ({@link maskCredentialPatterns}), so what a server echoes back is masked too.
 */
export class Redactor {
  readonly #secrets: readonly string[];

  /** @param secrets The actual secret values; shorter than {@link minimumSecretLength} ones are ignored. */
  constructor(secrets: Iterable<string> = []) {
    const all = new Set<string>();
    for (const value of secrets) for (const variant of variantsOf(value)) if (variant.length >= minimumSecretLength) all.add(variant);
    // Longest first, so a secret that contains another is masked whole.
    this.#secrets = [...all].sort((a, b) => b.length - a.length);
  }

  /** A redactor that knows this one's secrets and `more`. */
  with(more: Iterable<string> | Redactor): Redactor {
    return new Redactor([...this.#secrets, ...(more instanceof Redactor ? more.#secrets : more)]);
  }

  /** True when `text` holds a known secret (patterns aside). */
  knows(text: string): boolean {
    return this.#secrets.some((secret) => text.includes(secret));
  }

  /** `text` with every known secret and every credential-shaped part replaced by `***`. */
  redact(text: string): string {
    let result = text;
    for (const secret of this.#secrets) if (result.includes(secret)) result = result.split(secret).join(maskText);
    return maskCredentialPatterns(result);
  }

  /**
   * The same error with its message, stack and cause chain redacted: a
   * VoxpipeError stays a VoxpipeError of the same class and fields (`issues`
   * of a ConfigError included); a cause becomes a plain Error (or plain data)
   * holding only redacted text. Returns `error` itself when nothing changes.
   */
  redactError<E>(error: E): E {
    return this.#redactErrorAt(error, 0) as E;
  }

  /** Any value with every string in it redacted (plain data is copied, errors via {@link redactError}). */
  redactValue(value: unknown, depth = 0): unknown {
    if (typeof value === "string") return this.redact(value);
    if (value instanceof Error) return this.#redactErrorAt(value, depth);
    if (typeof value !== "object" || value === null || depth > maxCauseDepth * 4) return value;
    if (Array.isArray(value)) return value.map((item) => this.redactValue(item, depth + 1));
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return this.redact(String(value));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.redactValue(item, depth + 1)]));
  }

  #redactErrorAt(error: unknown, depth: number): unknown {
    if (!(error instanceof Error)) return typeof error === "string" ? this.redact(error) : error;
    const message = this.redact(error.message);
    const cause = depth >= maxCauseDepth ? undefined : this.#redactCause(error.cause, depth + 1);
    const issues = (error as { issues?: unknown }).issues;
    const redactedIssues: unknown[] = Array.isArray(issues) ? issues.map((issue: unknown) => (typeof issue === "string" ? this.redact(issue) : issue)) : [];
    const changed = message !== error.message || cause !== error.cause || (Array.isArray(issues) && redactedIssues.some((issue, i) => issue !== issues[i]));
    if (!changed && !(error.stack && this.redact(error.stack) !== error.stack)) return error;
    const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
    for (const key of Reflect.ownKeys(error)) {
      const descriptor = Object.getOwnPropertyDescriptor(error, key);
      if (descriptor) Object.defineProperty(copy, key, descriptor);
    }
    Object.defineProperty(copy, "message", { value: message, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(copy, "stack", { value: error.stack === undefined ? undefined : this.redact(error.stack), writable: true, configurable: true, enumerable: false });
    if ("cause" in error) Object.defineProperty(copy, "cause", { value: cause, writable: true, configurable: true, enumerable: false });
    if (Array.isArray(issues)) Object.defineProperty(copy, "issues", { value: Object.freeze(redactedIssues), writable: false, configurable: true, enumerable: true });
    return copy;
  }

  /** A cause that holds no secret as it is; anything else as a plain Error or plain data of redacted text. */
  #redactCause(cause: unknown, depth: number): unknown {
    if (cause === undefined || cause === null) return cause;
    if (cause instanceof Error) {
      const message = this.redact(cause.message);
      const inner = depth >= maxCauseDepth ? undefined : this.#redactCause(cause.cause, depth + 1);
      const plain = new Error(message, inner === undefined ? undefined : { cause: inner });
      plain.name = cause.name;
      const code = (cause as { code?: unknown }).code;
      if (typeof code === "string" || typeof code === "number") Object.assign(plain, { code });
      const status = (cause as { status?: unknown }).status;
      if (typeof status === "number") Object.assign(plain, { status });
      if (plain.stack) plain.stack = `${plain.name}: ${message}`;
      return message === cause.message && inner === cause.cause && !this.#holdsSecret(cause) ? cause : plain;
    }
    if (typeof cause === "object") return this.#holdsSecret(cause) ? this.redactValue(cause, depth) : cause;
    return typeof cause === "string" ? this.redact(cause) : cause;
  }

  /** True when anything readable in `value` (own strings, JSON, headers) holds a secret or a credential shape. */
  #holdsSecret(value: object): boolean {
    let text: string;
    try {
      text = JSON.stringify(value, (_key, item: unknown) => (item instanceof Headers ? Object.fromEntries(item) : item)) ?? "";
    } catch {
      text = String(value);
    }
    return this.redact(text) !== text;
  }
}

/** A secret and the other spellings it may come back in: URL-encoded, and the credential of an `Authorization`-style value. */
function variantsOf(value: string): string[] {
  const variants = [value, encodeURIComponent(value)];
  const scheme = /^(?:Bearer|Basic|Token|Bot|ApiKey|Key)\s+(\S+)$/i.exec(value.trim());
  if (scheme?.[1]) {
    variants.push(scheme[1]);
    if (/^basic/i.test(value.trim())) {
      const decoded = Buffer.from(scheme[1], "base64").toString("utf8");
      const password = decoded.slice(decoded.indexOf(":") + 1);
      if (decoded.includes(":") && password) variants.push(password);
    }
  }
  return variants;
}

/** The redactor that knows no secrets and masks credential shapes only. */
export const patternRedactor = new Redactor();
