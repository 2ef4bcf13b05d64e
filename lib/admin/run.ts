// The one way admin server actions and route handlers run: an active super admin whose session
// passed the second factor (checked here, on the server, every time), zod-validated input, and
// domain errors turned into a result the form can show or an HTTP status.
import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/staff";
import { requireSuperAdmin } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import type { PlatformActor } from "@/lib/core/db/platform";
import { DomainError, fieldErrorsOf, httpStatusOf } from "@/lib/core/errors";
import { getTranslator } from "@/lib/core/i18n/server";

export type { ActionResult };
export type SuperAdminActor = Extract<PlatformActor, { kind: "super_admin" }>;

export async function clientIp(): Promise<string | null> {
  const forwarded = (await headers()).get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || null;
}

export async function actorOf(user: SessionUser): Promise<SuperAdminActor> {
  return { kind: "super_admin", userId: user.id, email: user.email, ip: await clientIp() };
}

export async function runAdminAction<S extends z.ZodType, T>(
  input: S,
  raw: unknown,
  work: (actor: SuperAdminActor, input: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const { t } = await getTranslator();
  try {
    const user = await requireSuperAdmin();
    const parsed = input.safeParse(raw);
    if (!parsed.success)
      return {
        ok: false,
        code: "invalid",
        message: t("action.invalid"),
        fieldErrors: fieldErrorsOf(parsed.error),
      };
    return { ok: true, data: await work(await actorOf(user), parsed.data) };
  } catch (error) {
    if (error instanceof DomainError) {
      const message =
        error.code === "invalid" || error.code === "conflict"
          ? error.message
          : t(
              error.code === "unauthorized"
                ? "action.unauthorized"
                : error.code === "forbidden"
                  ? "action.forbidden"
                  : error.code === "not_found"
                    ? "action.notFound"
                    : "action.error",
            );
      return { ok: false, code: error.code, message, fieldErrors: error.details };
    }
    console.error("[admin action] unexpected error", error);
    return { ok: false, code: "error", message: t("action.error") };
  }
}

export async function adminRoute<S extends z.ZodType, T>(
  input: S,
  raw: unknown,
  work: (actor: SuperAdminActor, input: z.output<S>) => Promise<T>,
): Promise<Response> {
  const result = await runAdminAction(input, raw, work);
  const headers = { "Cache-Control": "no-store" };
  if (result.ok) return Response.json(result.data, { headers });
  const status = result.code === "error" ? 500 : httpStatusOf(new DomainError(result.code, result.message));
  return Response.json(
    { error: result.code, message: result.message, fieldErrors: result.fieldErrors },
    { status, headers },
  );
}
