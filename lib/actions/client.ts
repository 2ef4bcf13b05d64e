// The one action client. An action names who may run it and its input where it is exported:
//
//   export const saveThing = staffAction("vehicles.write").input(ThingInput).afterCommit(refresh).action(work);
//   export const POST = staffAction("vehicles.write").input(ThingInput).route(work);
//
// and the client does the rest, the same way for server actions and route handlers: the session
// (second factor, forced password change, permission), the input (zod; problems keyed by path in
// the visitor's language), the work (in the kind's transaction, with the Actor for its audit row),
// hooks once the transaction has committed (never after a rollback), and one mapping of errors.
import "server-only";
import type { z } from "zod";
import {
  type AccountContext,
  type ActionKind,
  type AdminContext,
  accountKind,
  adminKind,
  type PublicContext,
  publicKind,
  type SecondFactorContext,
  type StaffDone,
  secondFactorKind,
  staffKind,
} from "@/lib/actions/kinds";
import { type ActionRequest, fromOwnOrigin, serverActionRequest } from "@/lib/actions/request";
import { type ActionResult, failure, failureOf, failureResponse, parseInput } from "@/lib/actions/result";
import {
  bodyLimitOf,
  bodyTooLargeResponse,
  isSafeMethod,
  NO_STORE,
  type RouteHandler,
  type RouteOptions,
  readRouteInput,
  successResponse,
} from "@/lib/actions/route";
import type { Permission } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { Locale } from "@/lib/core/i18n/messages";
import { getTranslator } from "@/lib/core/i18n/server";
import { declaresTooMuch, limitBody } from "@/lib/core/request-body";

export type { ActionResult } from "@/lib/actions/result";

type Work<Ctx, I, T> = (ctx: Ctx, input: I) => Promise<T>;
type AfterCommit<T, Done, I> = (result: T, done: Done, input: I) => Promise<void> | void;
type Parse<I> = (
  raw: unknown,
  locale: Locale,
) => { ok: true; data: I } | { ok: false; fieldErrors: Record<string, string[]> };

interface Definition<Ctx, Done, I, R> {
  kind: ActionKind<Ctx, Done>;
  parse: Parse<I>;
  hooks: AfterCommit<R, Done, I>[];
}

async function runHooks<T, Done, I>(
  hooks: AfterCommit<T, Done, I>[],
  data: T,
  done: Done,
  input: I,
): Promise<void> {
  for (const hook of hooks) {
    try {
      await hook(data, done, input);
    } catch (error) {
      // The change is committed; failing the answer now would invite a second, duplicate submit.
      console.error("[action] after-commit hook failed", error);
    }
  }
}

async function execute<Ctx, Done, I, T extends R, R>(
  definition: Definition<Ctx, Done, I, R>,
  request: ActionRequest,
  readInput: () => Promise<unknown>,
  work: Work<Ctx, I, T>,
): Promise<ActionResult<T>> {
  const { locale, t } = await getTranslator();
  try {
    const entered = await definition.kind.enter(request);
    const parsed = definition.parse(await readInput(), locale);
    if (!parsed.ok) return failure(t, "invalid", parsed.fieldErrors);
    const { data, done } = await entered.run(parsed.data, (ctx) => work(ctx, parsed.data));
    await runHooks(definition.hooks, data, done, parsed.data);
    return { ok: true, data };
  } catch (error) {
    return failureOf(t, error);
  }
}

export class ActionClient<Ctx, Done, I, R> {
  constructor(private readonly definition: Definition<Ctx, Done, I, R>) {}

  /** The input schema (once); its messages may be message keys ("vehicles.error.price"). */
  input<S extends z.ZodType>(
    this: ActionClient<Ctx, Done, unknown, R>,
    schema: S,
  ): ActionClient<Ctx, Done, z.output<S>, R> {
    return new ActionClient({
      ...this.definition,
      parse: (raw, locale) => parseInput(schema, raw, locale),
    });
  }

  /** Runs after the work's transaction committed: cache revalidation, events, file clean-up. */
  afterCommit<T extends R>(hook: AfterCommit<T, Done, I>): ActionClient<Ctx, Done, I, T> {
    const hooks: AfterCommit<T, Done, I>[] = [...this.definition.hooks, hook];
    return new ActionClient({ ...this.definition, hooks });
  }

  /** A server action: `(input) => ActionResult`. */
  action<T extends R>(work: Work<Ctx, I, T>): (raw: unknown) => Promise<ActionResult<T>> {
    return async (raw) => execute(this.definition, await serverActionRequest(), async () => raw, work);
  }

  /** A cookie-authenticated route handler: JSON (no-store) out, `{ error, message, fieldErrors }` on failure. */
  route<T extends R>(work: Work<Ctx, I, T>, options: RouteOptions<T> = {}): RouteHandler {
    return async (request, context) => {
      if (!isSafeMethod(request.method) && !fromOwnOrigin(request)) {
        const { t } = await getTranslator();
        return failureResponse({ ...failure(t, "forbidden"), message: t("action.foreignOrigin") }, NO_STORE);
      }
      // The declared size is checked before anything else; the body itself is read only after
      // the session and permission checks, and cut off once it passes the limit.
      const limit = bodyLimitOf(options);
      if (declaresTooMuch(request, limit)) return bodyTooLargeResponse((await getTranslator()).t, options);
      const body = limitBody(request, limit);
      const result = await execute(
        this.definition,
        { headers: request.headers },
        () => readRouteInput(body.request, context),
        work,
      );
      if (body.exceeded()) return bodyTooLargeResponse((await getTranslator()).t, options);
      return result.ok ? successResponse(result.data, options) : failureResponse(result, NO_STORE);
    };
  }
}

function client<Ctx, Done>(kind: ActionKind<Ctx, Done>): ActionClient<Ctx, Done, unknown, unknown> {
  return new ActionClient({ kind, parse: (raw) => ({ ok: true, data: raw }), hooks: [] });
}

/** A showroom member holding `permission`; the work runs in their showroom's tenant transaction. */
export const staffAction = (
  permission: Permission,
): ActionClient<StaffContext, StaffDone, unknown, unknown> => client(staffKind(permission));

/** A super admin whose session passed the second factor; the work gets the platform actor. */
export const adminAction = (): ActionClient<AdminContext, AdminContext, unknown, unknown> =>
  client(adminKind());

/** A super admin between password and second factor: enrolment and verification only. */
export const secondFactorAction = (): ActionClient<
  SecondFactorContext,
  SecondFactorContext,
  unknown,
  unknown
> => client(secondFactorKind());

/** Anyone signed in, on their own account (the one thing a forced password change allows). */
export const accountAction = (): ActionClient<AccountContext, AccountContext, unknown, unknown> =>
  client(accountKind());

/** No session: a buyer on a showroom's page; the input's `tenant` is the page's route segment. */
export const publicAction = (): ActionClient<PublicContext, PublicContext, unknown, unknown> =>
  client(publicKind());

export type { StaffDone };
