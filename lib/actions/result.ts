// What every action answers, and the one place errors become that answer: input problems keyed by
// path, domain errors by code, message keys translated into the visitor's language once.
import "server-only";
import { z } from "zod";
import { DomainError, type DomainErrorCode, fieldErrorsOf, statusOfCode } from "@/lib/core/errors";
import { type Locale, MESSAGES, type MessageKey, type Translate } from "@/lib/core/i18n/messages";

export type ActionFailure = {
  ok: false;
  code: DomainErrorCode | "error";
  message: string;
  fieldErrors?: Record<string, string[]>;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

const MESSAGE_OF: Record<DomainErrorCode | "error", MessageKey> = {
  unauthorized: "action.unauthorized",
  forbidden: "action.forbidden",
  not_found: "action.notFound",
  conflict: "action.conflict",
  invalid: "action.invalid",
  password_change_required: "action.passwordChangeRequired",
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

/** The same answer for a route handler: JSON `{ error, message, fieldErrors }` with the code's status. */
export function failureResponse(result: ActionFailure, headers?: HeadersInit): Response {
  return Response.json(
    { error: result.code, message: result.message, fieldErrors: result.fieldErrors },
    { status: statusOfCode(result.code), headers },
  );
}
