// Typed domain errors, mapped once to HTTP status and to user-facing messages.
export type DomainErrorCode =
  | "not_found"
  | "forbidden"
  | "invalid"
  | "conflict"
  | "unauthorized"
  | "password_change_required"
  | "rate_limited";

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly details?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class NotFound extends DomainError {
  constructor(message = "Not found") {
    super("not_found", message);
  }
}

export class Forbidden extends DomainError {
  /** A message key (with its field errors) says why, where the generic "no permission" would not. */
  constructor(message = "Forbidden", details?: Record<string, string[]>) {
    super("forbidden", message, details);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = "Sign in required") {
    super("unauthorized", message);
  }
}

export class Invalid extends DomainError {
  constructor(message: string, details?: Record<string, string[]>) {
    super("invalid", message, details);
  }
}

export class Conflict extends DomainError {
  constructor(message: string) {
    super("conflict", message);
  }
}

/** An operator forced a password reset: until a new password is chosen, nothing else is allowed. */
export class PasswordChangeRequired extends DomainError {
  constructor() {
    super("password_change_required", "Change your password first");
  }
}

/**
 * An abuse limit was reached (lib/core/rate-limit.ts): answered 429 with Retry-After. `message` is
 * a message key of the limits area whose text takes the wait as {wait}.
 */
export class RateLimited extends DomainError {
  constructor(
    public readonly retryAfterSeconds: number,
    message = "limits.tooMany",
  ) {
    super("rate_limited", message);
  }
}

const statusByCode: Record<DomainErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  invalid: 400,
  conflict: 409,
  unauthorized: 401,
  password_change_required: 403,
  rate_limited: 429,
};

/** The HTTP status of a domain error code; anything else ("error") is a 500. */
export function statusOfCode(code: DomainErrorCode | "error"): number {
  return code === "error" ? 500 : statusByCode[code];
}

export function httpStatusOf(error: unknown): number {
  return error instanceof DomainError ? statusByCode[error.code] : 500;
}

interface ZodIssueLike {
  path: PropertyKey[];
  message: string;
}

/** Messages keyed by the input's path ("price", "photos.0"); `root` names an issue about the whole input. */
export function fieldErrorsOf(
  error: { issues: readonly ZodIssueLike[] },
  root = "_",
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || root;
    result[key] = [...(result[key] ?? []), issue.message];
  }
  return result;
}

/** One line per issue ("price: too small"), for logs, CLI output and job errors. */
export function issueLines(error: { issues: readonly ZodIssueLike[] }, root = "(root)"): string[] {
  return error.issues.map((issue) => `${issue.path.map(String).join(".") || root}: ${issue.message}`);
}
