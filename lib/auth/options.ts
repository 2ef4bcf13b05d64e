// next-auth configuration: one credentials provider for both sign-in pages; the page says which
// area it is for, and authenticate() refuses accounts of the other kind with a clear reason.
import "server-only";

import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { rateLimitedReason } from "@/lib/auth/sign-in-reason";
import { clientIp } from "@/lib/core/client-ip";
import { getEnv } from "@/lib/core/env";

const LoginInput = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(200),
  area: z.enum(["dashboard", "admin"]),
});

export const authOptions: NextAuthOptions = {
  secret: getEnv().AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
        return { ...result.user };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.tenantId = user.tenantId;
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
      }
      return session;
    },
  },
};
