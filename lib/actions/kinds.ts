// Who may run an action, and what its work receives. Each kind checks the session on the server
// every time (signed in, second factor, forced password change, permission) and runs the work the
// way its data needs: a staff member's inside the showroom's tenant transaction, a super admin's
// through the audited platform path the domain opens, a buyer's in the showroom of the page.
import "server-only";
import { z } from "zod";
import { type ActionRequest, ipOf } from "@/lib/actions/request";
import type { Actor } from "@/lib/audit/record";
import {
  currentSessionId,
  requireSignedIn,
  type StaffUser,
  secondFactorVerified,
  staffWith,
  superAdmin,
  verifiedSuperAdmin,
} from "@/lib/auth/guards";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { SuperAdminActor } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { Forbidden, NotFound, PasswordChangeRequired } from "@/lib/core/errors";
import { findTenantBySegment, type ResolvedTenant } from "@/lib/tenancy/resolve";

export interface Entered<Ctx, Done> {
  /** Runs the work; resolves once the transaction the kind opened (if any) has committed. */
  run<T>(input: unknown, work: (ctx: Ctx) => Promise<T>): Promise<{ data: T; done: Done }>;
}

export interface ActionKind<Ctx, Done> {
  /** Who acts; throws a DomainError (unauthorized, forbidden, password_change_required) otherwise. */
  enter(request: ActionRequest): Promise<Entered<Ctx, Done>>;
}

/** A forced reset allows one thing only: choosing a new password (the account kind). */
function refuseForcedReset(user: SessionUser): void {
  if (user.mustChangePassword) throw new PasswordChangeRequired();
}

function actorOf(user: SessionUser, request: ActionRequest): Actor {
  return { userId: user.id, email: user.email, ip: ipOf(request) };
}

function superAdminActorOf(user: SessionUser, request: ActionRequest): SuperAdminActor {
  return { kind: "super_admin", userId: user.id, email: user.email, ip: ipOf(request) };
}

/** After commit, a staff action knows who acted (cache revalidation names their showroom). */
export interface StaffDone {
  user: StaffUser;
  actor: Actor;
}

export function staffKind(permission: Permission): ActionKind<StaffContext, StaffDone> {
  return {
    async enter(request) {
      const signedIn = await requireSignedIn();
      refuseForcedReset(signedIn);
      const user = staffWith(signedIn, permission);
      const actor = actorOf(user, request);
      return {
        async run(_input, work) {
          // The showroom comes from the session only; nothing in the request can name another.
          const data = await withTenant(user.tenantId, (tx) => work({ user, actor, tx }));
          return { data, done: { user, actor } };
        },
      };
    },
  };
}

export interface AdminContext {
  user: SessionUser;
  actor: SuperAdminActor;
}

/** Platform console: an active super admin whose session passed the second factor. */
export function adminKind(): ActionKind<AdminContext, AdminContext> {
  return {
    async enter(request) {
      const user = await verifiedSuperAdmin(await requireSignedIn());
      refuseForcedReset(user);
      const context = { user, actor: superAdminActorOf(user, request) };
      return {
        // lib/admin opens the audited platform transaction itself, per use case.
        async run(_input, work) {
          return { data: await work(context), done: context };
        },
      };
    },
  };
}

export interface SecondFactorContext extends AdminContext {
  /** The sign-in the second-factor proof will be bound to. */
  sessionId: string;
}

/** The only actions before the second factor: enrolling and verifying it. */
export function secondFactorKind(): ActionKind<SecondFactorContext, SecondFactorContext> {
  return {
    async enter(request) {
      const user = superAdmin(await requireSignedIn());
      const sessionId = await currentSessionId();
      if (!sessionId) throw new Forbidden();
      const context = { user, actor: superAdminActorOf(user, request), sessionId };
      return {
        async run(_input, work) {
          return { data: await work(context), done: context };
        },
      };
    },
  };
}

export interface AccountContext {
  user: SessionUser;
  actor: Actor;
}

/** The signed-in person's own account, whatever their role; allowed during a forced reset. */
export function accountKind(): ActionKind<AccountContext, AccountContext> {
  return {
    async enter(request) {
      const user = await requireSignedIn();
      // A super admin's password session alone is not enough to change anything.
      if (user.role === "super_admin" && !(await secondFactorVerified(user)))
        throw new Forbidden("Second factor required");
      const context = { user, actor: actorOf(user, request) };
      return {
        async run(_input, work) {
          return { data: await work(context), done: context };
        },
      };
    },
  };
}

export interface PublicContext {
  tenant: ResolvedTenant;
  ip: string | null;
}

const PublicTenantInput = z.object({ tenant: z.string().min(1).max(300) });

/**
 * A buyer on a showroom's catalog: no session; the showroom is the one whose page the form is on,
 * taken from the page's route segment (input field `tenant`), and must be open.
 */
export function publicKind(): ActionKind<PublicContext, PublicContext> {
  return {
    async enter(request) {
      const ip = ipOf(request);
      return {
        async run(input, work) {
          const segment = PublicTenantInput.safeParse(input);
          const tenant = segment.success ? await findTenantBySegment(segment.data.tenant) : null;
          if (tenant?.status !== "active") throw new NotFound();
          const context = { tenant, ip };
          return { data: await work(context), done: context };
        },
      };
    },
  };
}
