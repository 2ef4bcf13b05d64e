import "server-only";
import bcrypt from "bcryptjs";

const COST = 11;
export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Compared against when an e-mail is unknown, so a miss costs as long as a wrong password. */
export const DUMMY_HASH = "$2b$11$0000000000000000000000.CwS0b6bY5t1JvZ9NwD4kO4mD0p3bL2";
