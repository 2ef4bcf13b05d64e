// The one way dashboard server actions and route handlers run: parse the input with zod, check the
// permission on the server, run inside the showroom's tenant transaction (tenant from the session,
// never from the request), and turn domain errors into a result the form can show.
import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import type { Actor } from "@/lib/audit/record";
import { requireStaff, type StaffUser } from "@/lib/auth/guards";
import type { Permission } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import { withTenant } from "@/lib/core/db/tenant";
import { DomainError, fieldErrorsOf, httpStatusOf } from "@/lib/core/errors";
import { MESSAGES, type MessageKey, type Translate } from "@/lib/core/i18n/messages";
import { getTranslator } from "@/lib/core/i18n/server";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: "invalid" | "forbidden" | "unauthorized" | "not_found" | "conflict" | "error";
      message: string;
      fieldErrors?: Record<string, string[]>;
    };

export type { StaffContext };

async function clientIp(): Promise<string | null> {
  const forwarded = (await headers()).get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || null;
}

const MESSAGE_OF: Record<string, MessageKey> = {
  unauthorized: "action.unauthorized",
  forbidden: "action.forbidden",
  not_found: "action.notFound",
  conflict: "action.conflict",
  invalid: "action.invalid",
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

/** Field errors keyed by the input's path ("price", "photos.0"), in the visitor's language. */
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

/**
 * Runs `work` for a signed-in staff member who holds `permission`, with validated input, in one
 * tenant transaction. `afterCommit` runs once the transaction has committed (cache revalidation,
 * notifications that must not fire for a rolled-back change).
 */
export async function runStaffAction<S extends z.ZodType, T>(
  options: {
    permission: Permission;
    input: S;
    afterCommit?: (result: T, user: StaffUser) => Promise<void> | void;
  },
  raw: unknown,
  work: (context: StaffContext, input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const { t } = await getTranslator();
  try {
    const user = await requireStaff(options.permission);
    const parsed = options.input.safeParse(raw);
    if (!parsed.success)
      return {
        ok: false,
        code: "invalid",
        message: t("action.invalid"),
        fieldErrors: translateFieldErrors(t, fieldErrorsOf(parsed.error)),
      };
    const actor: Actor = { userId: user.id, email: user.email, ip: await clientIp() };
    const data = await withTenant(user.tenantId, (tx) => work({ user, actor, tx }, parsed.data));
    await options.afterCommit?.(data, user);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof DomainError) {
      const message =
        error.code === "invalid" || error.code === "conflict"
          ? translateMessage(t, error.message)
          : t(MESSAGE_OF[error.code] ?? "action.error");
      return { ok: false, code: error.code, message, fieldErrors: translateFieldErrors(t, error.details) };
    }
    console.error("[action] unexpected error", error);
    return { ok: false, code: "error", message: t("action.error") };
  }
}

/** The same for route handlers: JSON in, JSON out, 4xx with a message on bad input or no permission. */
export async function staffRoute<S extends z.ZodType, T>(
  options: {
    permission: Permission;
    input: S;
    afterCommit?: (result: T, user: StaffUser) => Promise<void> | void;
  },
  raw: unknown,
  work: (context: StaffContext, input: z.output<S>) => Promise<T>,
): Promise<Response> {
  const result = await runStaffAction(options, raw, work);
  if (result.ok) return Response.json(result.data, { status: 200 });
  const status = result.code === "error" ? 500 : httpStatusOf(new DomainError(result.code, result.message));
  return Response.json(
    { error: result.code, message: result.message, fieldErrors: result.fieldErrors },
    { status },
  );
}
