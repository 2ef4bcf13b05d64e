// Ending sessions on the server, not just deleting a cookie: one sign-out records that session's
// id as ended (a copied cookie dies with it); "sign out everywhere" bumps the account's session
// version, which ends every session of the account, this one included.
import "server-only";
import type { Actor } from "@/lib/audit/record";
import { changeOwnAccount } from "@/lib/auth/own-account";
import type { SessionUser } from "@/lib/auth/session";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/session-cookie";
import { db } from "@/lib/core/db/client";

/** `expiresAt`: when the session would have expired anyway (the record is dropped after it). */
export async function endSession(session: {
  userId: string;
  sessionId: string;
  expiresAt?: Date;
}): Promise<void> {
  const expiresAt = session.expiresAt ?? new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db()
    .$executeRaw`SELECT app_end_session(${session.userId}::uuid, ${session.sessionId}, ${expiresAt}::timestamptz)`;
}

export async function signOutEverywhere(user: SessionUser, actor: Actor): Promise<void> {
  await changeOwnAccount(user, actor, "user.sign_out_everywhere", (tx) =>
    tx.user.update({
      where: { id: user.id },
      data: { sessionVersion: { increment: 1 } },
      select: { id: true },
    }),
  );
}
