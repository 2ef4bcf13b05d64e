// One typed error for every way an LLM call can fail, so the engine can fall back to the local engine.
import type { Env } from "@/lib/core/env";

export type ProviderName = Env["AI_PROVIDER"];

/**
 * - timeout: no answer in time (after the SDK's own retries), or the caller's deadline passed.
 * - rate_limit: 429 after retries; the account or organisation is over its limits.
 * - auth: 401/403; the key is wrong, revoked or lacks access. Retrying will not help.
 * - server: 5xx/529 after retries, or the host could not be reached at all.
 * - bad_request: 4xx other than the above (unknown model, request too large); a bug or a config error.
 * - bad_response: a 2xx whose body is not what the API promises.
 */
export type ProviderErrorKind = "timeout" | "rate_limit" | "auth" | "server" | "bad_request" | "bad_response";

export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly provider: ProviderName;
  /** HTTP status when the server answered. */
  readonly status: number | undefined;

  constructor(options: {
    kind: ProviderErrorKind;
    provider: ProviderName;
    message: string;
    status?: number;
    cause?: unknown;
  }) {
    super(`${options.provider}: ${options.message}`, { cause: options.cause });
    this.name = "ProviderError";
    this.kind = options.kind;
    this.provider = options.provider;
    this.status = options.status;
  }
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}

/** The kind for an HTTP error status, shared by both SDK adapters so they classify alike. */
export function providerErrorKindForStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 429) return "rate_limit";
  // 408 is the server saying it gave up waiting: a timeout to the caller.
  if (status === 408) return "timeout";
  if (status >= 500) return "server";
  return "bad_request";
}

/**
 * Thrown by a tool to tell the model something went wrong in terms it can act on ("that car was
 * just sold"). runToolLoop hands the message to the model as an error result instead of failing
 * the turn; any other exception is a bug and propagates.
 */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ToolError";
  }
}

/** The error classes each SDK's client carries under the same names; the classification below is shared. */
export interface SdkErrorClasses {
  APIConnectionTimeoutError: abstract new (...args: never[]) => Error;
  APIUserAbortError: abstract new (...args: never[]) => Error;
  APIConnectionError: abstract new (...args: never[]) => Error;
  APIError: abstract new (...args: never[]) => Error & { status?: number | undefined };
}

/** One SDK call: its errors become ProviderError; anything else is our bug and is rethrown as is. */
export async function callSdk<T>(
  provider: ProviderName,
  sdk: SdkErrorClasses,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw providerErrorFromSdk(error, provider, sdk);
  }
}

function providerErrorFromSdk(error: unknown, provider: ProviderName, sdk: SdkErrorClasses): unknown {
  // The timeout class extends the connection class, and both extend APIError with no status: order matters.
  if (error instanceof sdk.APIConnectionTimeoutError) {
    return new ProviderError({
      kind: "timeout",
      provider,
      message: "no answer within the timeout, retries included",
      cause: error,
    });
  }
  // We only pass the caller's signal, so an abort is always the turn's deadline passing.
  if (error instanceof sdk.APIUserAbortError)
    return new ProviderError({
      kind: "timeout",
      provider,
      message: "the turn's deadline passed",
      cause: error,
    });
  if (error instanceof sdk.APIConnectionError)
    return new ProviderError({
      kind: "server",
      provider,
      message: `could not connect: ${error.message}`,
      cause: error,
    });
  if (error instanceof sdk.APIError && typeof error.status === "number") {
    return new ProviderError({
      kind: providerErrorKindForStatus(error.status),
      provider,
      message: error.message,
      status: error.status,
      cause: error,
    });
  }
  return error;
}
