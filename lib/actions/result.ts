// What every action answers, and the one place errors become that answer: input problems keyed by
// path, domain errors by code, message keys translated into the visitor's language once.
import "server-only";
import { z } from "zod";
import {
  DomainError,
  type DomainErrorCode,
  fieldErrorsOf,
  RateLimited,
  statusOfCode,
} from "@/lib/core/errors";
import { type Locale, MESSAGES, type MessageKey, type Translate } from "@/lib/core/i18n/messages";
import { formatWait, waitUnits } from "@/lib/core/i18n/wait";

export type ActionFailure = {
  ok: false;
  code: DomainErrorCode | "error";
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** A rate limit: seconds until a retry may pass (the Retry-After of a route's 429). */
  retryAfter?: number;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

const MESSAGE_OF: Record<DomainErrorCode | "error", MessageKey> = {
  unauthorized: "action.unauthorized",
  forbidden: "action.forbidden",
  not_found: "action.notFound",
  conflict: "action.conflict",
  invalid: "action.invalid",
  password_change_required: "action.passwordChangeRequired",
  rate_limited: "limits.tooMany",
  error: "action.error",
};

function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(MESSAGES.id, value);
}

/** Domain code and schemas may name a message key ("staff.error.emailTaken", optionally ":<n>"). */
export function translateMessage(t: Translate, text: string): string {
  const [key = "", arg = ""] = text.split(":");
  return isMessageKey(key) ? t(key, { n: arg }) : text;
}

function translateFieldErrors(
  t: Translate,
  errors: Record<string, string[]> | undefined,
): Record<string, string[]> | undefined {
  return errors
    ? Object.fromEntries(
        Object.entries(errors).map(([field, messages]) => [
          field,
          messages.map((message) => translateMessage(t, message)),
        ]),
      )
    : undefined;
}

/** zod's own messages ("too small", "invalid UUID") in the visitor's language; schema messages win. */
const ZOD_MESSAGES: Record<Locale, z.core.$ZodErrorMap> = {
  id: z.locales.id().localeError,
  en: z.locales.en().localeError,
};

export function parseInput<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  locale: Locale,
): { ok: true; data: z.output<S> } | { ok: false; fieldErrors: Record<string, string[]> } {
  const parsed = schema.safeParse(raw, { error: ZOD_MESSAGES[locale] });
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
}

export function failure(
  t: Translate,
  code: DomainErrorCode | "error",
  fieldErrors?: Record<string, string[]>,
): ActionFailure {
  return { ok: false, code, message: t(MESSAGE_OF[code]), fieldErrors: translateFieldErrors(t, fieldErrors) };
}

/** A thrown error as the answer: domain errors by code (their own message for invalid and conflict). */
export function failureOf(t: Translate, error: unknown): ActionFailure {
  if (error instanceof RateLimited) return rateLimitedFailure(t, error);
  if (!(error instanceof DomainError)) {
    console.error("[action] unexpected error", error);
    return failure(t, "error");
  }
  // Invalid and conflict say what was wrong; forbidden keeps the generic answer unless it names a
  // message key (a showroom's rule, such as what sales staff may do), never an internal reason.
  const own =
    error.code === "invalid" ||
    error.code === "conflict" ||
    (error.code === "forbidden" && isMessageKey(error.message.split(":")[0] ?? ""));
  return {
    ...failure(t, error.code, error.details),
    ...(own ? { message: translateMessage(t, error.message) } : {}),
  };
}

/** A limit's own message (a limits.* key) with the wait in the visitor's language. */
function rateLimitedFailure(t: Translate, error: RateLimited): ActionFailure {
  const key = isMessageKey(error.message) ? error.message : MESSAGE_OF.rate_limited;
  const wait = formatWait(error.retryAfterSeconds, waitUnits(t));
  return { ok: false, code: "rate_limited", message: t(key, { wait }), retryAfter: error.retryAfterSeconds };
}

/** The same answer for a route handler: JSON `{ error, message, fieldErrors }` with the code's status. */
export function failureResponse(result: ActionFailure, headers?: HeadersInit): Response {
  const answer = new Headers(headers);
  if (result.retryAfter !== undefined) answer.set("Retry-After", String(result.retryAfter));
  return Response.json(
    { error: result.code, message: result.message, fieldErrors: result.fieldErrors },
    { status: statusOfCode(result.code), headers: answer },
  );
}

/**
 * For handlers outside the action client (the WhatsApp webhook, next-auth): a RateLimited thrown
 * by `work` becomes 429 with Retry-After and a message in the visitor's language.
 */
export async function answeringRateLimits(t: Translate, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RateLimited)
      return failureResponse(rateLimitedFailure(t, error), { "Cache-Control": "no-store" });
    throw error;
  }
}
