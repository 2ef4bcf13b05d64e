// Proof that this session passed the second factor: a signed, httpOnly cookie bound to the user id
// and to the next-auth session id (the `sid` claim minted at sign-in).
//
// Why a cookie and not a JWT update: next-auth 4 can only change its JWT through the client's
// update() round-trip, whose payload comes from the browser, so the jwt callback would have to
// re-verify a code there. A server action can set this cookie directly after checking the code,
// and because it names the session id, it dies with the session: a new sign-in mints a new sid,
// so an old cookie (or one copied from another account) never counts.
import "server-only";

import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { appUrl, getEnv } from "@/lib/core/env";

declare module "next-auth" {
  interface Session {
    /** Stable for one sign-in; binds the second-factor cookie to this session. */
    sid?: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}

export const SECOND_FACTOR_COOKIE = "al_2fa";
/** As long as the next-auth session itself (12 h). */
export const SECOND_FACTOR_MAX_AGE_SECONDS = 12 * 60 * 60;

const Claim = z.object({ uid: z.string().min(1), sid: z.string().min(1), exp: z.number().int() });
type Claim = z.infer<typeof Claim>;

function key(): string {
  const secret = getEnv().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return `second-factor:${secret}`;
}

function sign(payload: string): string {
  return createHmac("sha256", key()).update(payload).digest("base64url");
}

/** The cookie value for a session that has just passed the second factor. */
export function issueSecondFactorProof(options: { userId: string; sessionId: string; now?: number }): string {
  const claim: Claim = {
    uid: options.userId,
    sid: options.sessionId,
    exp: Math.floor((options.now ?? Date.now()) / 1000) + SECOND_FACTOR_MAX_AGE_SECONDS,
  };
  const payload = Buffer.from(JSON.stringify(claim), "utf8").toString("base64url");
  return `${payload}.${sign(payload)}`;
}

/** True only for an unexpired proof signed by us for exactly this user and session. */
export function checkSecondFactorProof(
  value: string | undefined,
  options: { userId: string; sessionId: string | undefined; now?: number },
): boolean {
  if (!value || !options.sessionId) return false;
  const [payload = "", signature = ""] = value.split(".");
  const expected = Buffer.from(sign(payload), "utf8");
  const given = Buffer.from(signature, "utf8");
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return false;
  }
  const claim = Claim.safeParse(parsed);
  if (!claim.success) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  return claim.data.uid === options.userId && claim.data.sid === options.sessionId && claim.data.exp > now;
}

export function secondFactorCookieOptions(): {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: string;
  maxAge: number;
} {
  const secure = appUrl().startsWith("https://");
  return { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: SECOND_FACTOR_MAX_AGE_SECONDS };
}
