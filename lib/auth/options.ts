// next-auth configuration: one credentials provider for both sign-in pages; the page says which
// area it is for, and authenticate() refuses accounts of the other kind with a clear reason. A
// session carries its own id (sid) and the account's session version (sv) from sign-in; every
// request checks both (lib/auth/session.ts), and signing out ends the sid on the server.
import "server-only";

import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { currentSessionVersion } from "@/lib/auth/session";
import { SESSION_MAX_AGE_SECONDS, sessionTokenCookie } from "@/lib/auth/session-cookie";
import { rateLimitedReason } from "@/lib/auth/sign-in-reason";
import { endSession } from "@/lib/auth/sign-out";
import { clientIp } from "@/lib/core/client-ip";
import { getEnv } from "@/lib/core/env";

const LoginInput = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
  area: z.enum(["dashboard", "admin"]),
});

export const authOptions: NextAuthOptions = {
  secret: getEnv().AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  cookies: { sessionToken: sessionTokenCookie() },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      id: "credentials",
      name: "Email",
      credentials: { email: {}, password: {}, area: {} },
      async authorize(credentials, request) {
        const parsed = LoginInput.safeParse(credentials);
        if (!parsed.success) throw new Error("invalid_credentials");
        const result = await authenticate({ ...parsed.data, ip: clientIp(request?.headers) });
        // next-auth hands the thrown message to the sign-in page, which shows it translated; a rate
        // limit carries its wait, and the route answers it 429 (lib/auth/sign-in-route.ts).
        if (!result.ok)
          throw new Error(
            result.reason === "rate_limited" ? rateLimitedReason(result.retryAfterSeconds) : result.reason,
          );
        // The version this session is granted on: any later bump (password, role, sign out
        // everywhere...) ends it.
        const sessionVersion = await currentSessionVersion(result.user.id);
        if (sessionVersion === null) throw new Error("inactive");
        return { ...result.user, sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.tenantId = user.tenantId;
        token.sv = user.sessionVersion;
        // A fresh id per sign-in: the super admin's second-factor proof is bound to it.
        token.sid = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user = {
          id: token.uid,
          email: token.email ?? "",
          name: token.name ?? "",
          role: token.role,
          tenantId: token.tenantId ?? null,
        };
        session.sid = token.sid;
        session.sv = token.sv;
      }
      return session;
    },
  },
  events: {
    // next-auth only deletes the cookie; a copy of it would live on. Record the sid as ended.
    async signOut({ token }) {
      if (!token?.uid || !token.sid) return;
      const expiresAt = typeof token.exp === "number" ? new Date(token.exp * 1000) : undefined;
      await endSession({ userId: token.uid, sessionId: token.sid, expiresAt });
    },
  },
};
