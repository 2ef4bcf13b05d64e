// Super admins' TOTP second factor as stored on the account: enrolment, confirmation with recovery
// codes, and verification with replay protection and a failure lock. Reads and writes go through
// the audited platform path (super admins belong to no showroom), so every attempt leaves a row.
import "server-only";

import { z } from "zod";
import {
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  matchRecoveryCode,
  otpauthUri,
  qrCodeSvg,
  verifyTotp,
} from "@/lib/auth/totp";
import { decryptSecret, encryptionKeys, encryptSecret } from "@/lib/core/crypto";
import { type PlatformActor, withPlatformAccess } from "@/lib/core/db/platform";
import { getEnv } from "@/lib/core/env";
import { Conflict, Forbidden } from "@/lib/core/errors";

/** Failures in a row before the account is locked, and for how long. */
export const MAX_SECOND_FACTOR_FAILURES = 5;
export const SECOND_FACTOR_LOCK_MINUTES = 15;

export const SecondFactorCode = z.object({ code: z.string().trim().min(6).max(32) });

type SuperAdmin = Extract<PlatformActor, { kind: "super_admin" }>;

/**
 * The keys TOTP secrets are sealed with: ENCRYPTION_KEY's (newest first, see lib/core/crypto.ts), or,
 * where an operator has not set one (the embedded start script always does), a key derived from
 * AUTH_SECRET so enrolment still works.
 */
export function twoFactorKey(): readonly string[] {
  if (getEnv().ENCRYPTION_KEY) return encryptionKeys();
  const secret = getEnv().AUTH_SECRET;
  if (!secret)
    throw new Error("Neither ENCRYPTION_KEY nor AUTH_SECRET is set; two-factor secrets cannot be stored.");
  return [`totp-at-rest:${secret}`];
}

export type TwoFactorState = "enrolled" | "not_enrolled";

const SELECT = {
  role: true,
  isActive: true,
  email: true,
  totpSecretEnc: true,
  totpEnabledAt: true,
  totpLastStep: true,
  totpFailures: true,
  lockedUntil: true,
  recoveryCodeHashes: true,
  mustChangePassword: true,
} as const;

export async function twoFactorState(
  actor: SuperAdmin,
): Promise<{ state: TwoFactorState; mustChangePassword: boolean }> {
  return withPlatformAccess(
    { actor, action: "auth.2fa.status", entity: "user", entityId: actor.userId },
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: actor.userId }, select: SELECT });
      if (!user) throw new Forbidden();
      return {
        state: user.totpEnabledAt ? "enrolled" : "not_enrolled",
        mustChangePassword: user.mustChangePassword,
      };
    },
  );
}

export interface Enrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** A new pending secret (replacing any unconfirmed one); refused once two-factor is on. */
export async function startEnrolment(actor: SuperAdmin): Promise<Enrolment> {
  const secret = generateTotpSecret();
  await withPlatformAccess(
    { actor, action: "auth.2fa.enrol_start", entity: "user", entityId: actor.userId },
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: actor.userId }, select: SELECT });
      if (!user) throw new Forbidden();
      if (user.totpEnabledAt) throw new Conflict("Two-factor sign-in is already on for this account");
      await tx.user.update({
        where: { id: actor.userId },
        data: { totpSecretEnc: encryptSecret(secret, twoFactorKey()), totpLastStep: null, totpFailures: 0 },
      });
    },
  );
  const uri = otpauthUri({ secret, account: actor.email });
  return { secret, uri, qrSvg: await qrCodeSvg(uri) };
}

export type SecondFactorResult =
  | { ok: true; recoveryCodes?: string[]; mustChangePassword: boolean; usedRecoveryCode?: boolean }
  | { ok: false; reason: "invalid_code" | "locked" | "not_enrolled" | "already_enrolled" };

/**
 * Confirms the pending secret with a code from the app, turns two-factor on and returns ten
 * recovery codes, shown once (only their hashes are kept).
 */
export async function confirmEnrolment(
  actor: SuperAdmin,
  code: string,
  now = Date.now(),
): Promise<SecondFactorResult> {
  return attempt(actor, "auth.2fa.enrol_confirm", now, async (user, tx) => {
    if (user.totpEnabledAt) return { ok: false, reason: "already_enrolled" };
    if (!user.totpSecretEnc) return { ok: false, reason: "not_enrolled" };
    const checked = verifyTotp(decryptSecret(user.totpSecretEnc, twoFactorKey()), code, { time: now });
    if (!checked.ok) return { ok: false, reason: "invalid_code" };
    const recoveryCodes = generateRecoveryCodes(10);
    await tx.user.update({
      where: { id: actor.userId },
      data: {
        totpEnabledAt: new Date(now),
        totpLastStep: checked.step,
        totpFailures: 0,
        recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
      },
    });
    return { ok: true, recoveryCodes, mustChangePassword: user.mustChangePassword };
  });
}

/** A code from the app (each works once: its step is remembered) or a recovery code (deleted on use). */
export async function verifySecondFactor(
  actor: SuperAdmin,
  code: string,
  now = Date.now(),
): Promise<SecondFactorResult> {
  return attempt(actor, "auth.2fa.verify", now, async (user, tx) => {
    if (!user.totpEnabledAt || !user.totpSecretEnc) return { ok: false, reason: "not_enrolled" };
    const checked = verifyTotp(decryptSecret(user.totpSecretEnc, twoFactorKey()), code, {
      time: now,
      lastUsedStep: user.totpLastStep,
    });
    if (checked.ok) {
      await tx.user.update({
        where: { id: actor.userId },
        data: { totpLastStep: checked.step, totpFailures: 0 },
      });
      return { ok: true, mustChangePassword: user.mustChangePassword };
    }
    const index = matchRecoveryCode(code, user.recoveryCodeHashes);
    if (index === -1) return { ok: false, reason: "invalid_code" };
    await tx.user.update({
      where: { id: actor.userId },
      data: { recoveryCodeHashes: user.recoveryCodeHashes.filter((_, i) => i !== index), totpFailures: 0 },
    });
    return { ok: true, mustChangePassword: user.mustChangePassword, usedRecoveryCode: true };
  });
}

type Row = {
  totpSecretEnc: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
  totpFailures: number;
  lockedUntil: Date | null;
  recoveryCodeHashes: string[];
  mustChangePassword: boolean;
};
type TxOf = Parameters<Parameters<typeof withPlatformAccess>[1]>[0];

/**
 * One attempt in one transaction, with the row locked so two parallel guesses cannot both count
 * as one failure or both use the same code. Failures are counted here (the result is returned,
 * not thrown, so the counter and the audit row commit).
 */
async function attempt(
  actor: SuperAdmin,
  action: string,
  now: number,
  check: (user: Row, tx: TxOf) => Promise<SecondFactorResult>,
): Promise<SecondFactorResult> {
  return withPlatformAccess({ actor, action, entity: "user", entityId: actor.userId }, async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${actor.userId}::uuid FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { id: actor.userId }, select: SELECT });
    if (!user) throw new Forbidden();
    if (user.lockedUntil && user.lockedUntil.getTime() > now) return { ok: false, reason: "locked" };
    const result = await check(user, tx);
    if (!result.ok && result.reason === "invalid_code") {
      const failures = user.totpFailures + 1;
      const locked = failures >= MAX_SECOND_FACTOR_FAILURES;
      await tx.user.update({
        where: { id: actor.userId },
        data: {
          totpFailures: locked ? 0 : failures,
          lockedUntil: locked ? new Date(now + SECOND_FACTOR_LOCK_MINUTES * 60_000) : user.lockedUntil,
        },
      });
      await tx.auditLog.create({
        data: {
          tenantId: null,
          actorId: actor.userId,
          actorEmail: actor.email,
          action: locked ? "auth.2fa.locked" : "auth.2fa.failed",
          entity: "user",
          entityId: actor.userId,
          ip: actor.ip ?? null,
        },
      });
      if (locked) return { ok: false, reason: "locked" };
    }
    return result;
  });
}
