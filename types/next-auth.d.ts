import type { Role } from "@/lib/auth/users";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    tenantId: string | null;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role; tenantId: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    tenantId?: string | null;
  }
}
