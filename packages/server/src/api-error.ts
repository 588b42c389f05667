/** OpenAI's error `type` values, which clients switch on. */
export type ApiErrorType = "invalid_request_error" | "authentication_error" | "rate_limit_error" | "server_error" | "service_unavailable";

/** An error answered in OpenAI's shape: `{ error: { message, type, param, code } }` with an HTTP status. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly type: ApiErrorType,
    readonly code: string,
    message: string,
    readonly param: string | null = null,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** The JSON body OpenAI's clients parse. */
  body(): { error: { message: string; type: ApiErrorType; param: string | null; code: string } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** 400 for a request that does not match the API. */
export const badRequest = (message: string, param: string | null = null, code = "invalid_request"): ApiError => new ApiError(400, "invalid_request_error", code, message, param);
