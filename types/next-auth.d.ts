import type { Role } from "@/lib/auth/users";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    tenantId: string | null;
    /** The account's session version at sign-in (lib/auth/session.ts). */
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role; tenantId: string | null };
    /** The account's session version at sign-in; a later bump ends this session. */
    sv?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    tenantId?: string | null;
    sv?: number;
  }
}
