// The one place a signed-in account's password is checked again (changing it): the hash is read
// through the sign-in function, the only way the app reaches password hashes, so moving hashes
// behind a narrower SQL function changes this file alone.
import "server-only";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/core/db/client";

export async function isCurrentPassword(account: { email: string }, password: string): Promise<boolean> {
  const rows = await db().$queryRaw<{ password_hash: string }[]>`
    SELECT password_hash FROM app_auth_user(${account.email})`;
  const hash = rows[0]?.password_hash;
  // A vanished account still costs one bcrypt comparison, and never matches.
  const matches = await verifyPassword(password, hash ?? DUMMY_HASH);
  return matches && hash !== undefined;
}
