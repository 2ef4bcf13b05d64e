// The one way the app checks a password against the stored hash. The hash never leaves the
// database (the app role cannot SELECT it): the database hands out bcrypt's public salt, the app
// hashes the candidate with it, and the database says whether the two hashes are equal
// (prisma/migrations/20261205050100_password_hash_private). Sign-in and any "type your current
// password" check go through here.
import "server-only";
import bcrypt from "bcryptjs";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/core/db/client";

export async function passwordMatches(userId: string, password: string): Promise<boolean> {
  const [stored] = await db().$queryRaw<{ salt: string | null }[]>`
    SELECT app_password_salt(${userId}::uuid) AS salt`;
  if (!stored?.salt) {
    // No such account (or no usable hash): the same bcrypt cost as a wrong password.
    await verifyPassword(password, DUMMY_HASH);
    return false;
  }
  const candidate = await bcrypt.hash(password, stored.salt);
  const [checked] = await db().$queryRaw<{ matches: boolean }[]>`
    SELECT app_password_matches(${userId}::uuid, ${candidate}) AS matches`;
  return checked?.matches === true;
}
