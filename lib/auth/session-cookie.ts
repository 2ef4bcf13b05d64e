// The next-auth session cookie, named here so next-auth and our own code agree on it: the code that
// re-issues this session after its own password change (the change bumped the account's session
// version, which would otherwise end this session together with the others).
import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { appUrl, getEnv } from "@/lib/core/env";

/** How long a session lasts after sign-in (and after a re-issue). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

function secure(): boolean {
  return appUrl().startsWith("https://");
}

/** next-auth's own default name and options, stated once. */
export function sessionTokenCookie(): {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: string; secure: boolean };
} {
  return {
    name: `${secure() ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure: secure() },
  };
}

function secret(): string {
  const value = getEnv().AUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set");
  return value;
}

/**
 * Writes this request's session again with the account's new session version: the same user and
 * sign-in (the second-factor proof stays bound to it), a fresh expiry. Does nothing when the
 * request carries no session of that user and sign-in.
 */
export async function reissueSession(claims: {
  userId: string;
  sessionId: string;
  sessionVersion: number;
}): Promise<void> {
  const cookie = sessionTokenCookie();
  const jar = await cookies();
  const current = jar.get(cookie.name)?.value;
  if (!current) return;
  const token = await decode({ token: current, secret: secret() });
  if (token?.uid !== claims.userId || token.sid !== claims.sessionId) return;
  const value = await encode({
    token: { ...token, sv: claims.sessionVersion },
    secret: secret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  jar.set(cookie.name, value, { ...cookie.options, maxAge: SESSION_MAX_AGE_SECONDS });
}
