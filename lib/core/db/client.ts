// The one Prisma client, connected as the app role. Tenant data is reached only through
// withTenant (lib/db/tenant.ts) or the audited platform path (lib/db/platform.ts).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "@/lib/core/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Columns the app role cannot read (see UNREADABLE_COLUMNS in lib/core/db/migrate.ts): left out of
 * every query, including what a create or update returns. Passwords are checked in the database
 * (lib/auth/password-check.ts).
 */
const OMIT = { user: { passwordHash: true } } as const;

export type Db = PrismaClient<never, typeof OMIT>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const holder = globalThis as { autolumikuDb?: Db };

function createClient(): Db {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new Error(
      "DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database.",
    );
  }
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DB_POOL_SIZE });
  return new PrismaClient({ adapter, omit: OMIT });
}

/** Created on first use, so that importing a module never needs a database (next build). */
export function db(): Db {
  holder.autolumikuDb ??= createClient();
  return holder.autolumikuDb;
}

export async function disconnectDb(): Promise<void> {
  await holder.autolumikuDb?.$disconnect();
  holder.autolumikuDb = undefined;
}
