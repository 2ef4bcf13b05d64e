// ENCRYPTION_KEY rotation: re-seals every stored secret with the newest key of ENCRYPTION_KEY
// ("new,old"), so the old key can then be removed. `npm run cli -- secrets:rotate`.
import "server-only";
import { twoFactorKey } from "@/lib/auth/two-factor";
import { encryptionKeys, encryptSecret, openSecret, SecretCryptoError } from "@/lib/core/crypto";
import { type PlatformActor, withPlatformAccess } from "@/lib/core/db/platform";

interface SecretColumn {
  table: string;
  /** The row's key column and its type. */
  id: string;
  idType: "uuid" | "text";
  column: string;
  /** The key ring its values are sealed with, newest first. */
  keys: () => readonly string[];
}

/** Every column that holds a sealed secret (a test checks no `*_enc` column is missing here). */
export const SECRET_COLUMNS: readonly SecretColumn[] = [
  { table: "tenants", id: "id", idType: "uuid", column: "whatsapp_access_token_enc", keys: encryptionKeys },
  { table: "users", id: "id", idType: "uuid", column: "totp_secret_enc", keys: twoFactorKey },
  { table: "platform_settings", id: "key", idType: "text", column: "secret_enc", keys: twoFactorKey },
];

export interface RotationReport {
  /** Opened with an older key and sealed again with the newest. */
  resealed: number;
  /** Already sealed with the newest key. */
  current: number;
  /** Opened with none of the keys: left as they are (keep the old key until they are dealt with). */
  unreadable: { table: string; id: string }[];
}

export async function rotateSecrets(actor: PlatformActor): Promise<RotationReport> {
  const report: RotationReport = { resealed: 0, current: 0, unreadable: [] };
  await withPlatformAccess({ actor, action: "secrets.rotate", entity: "encryption_key" }, async (tx) => {
    for (const target of SECRET_COLUMNS) {
      const keys = target.keys();
      const rows = await tx.$queryRawUnsafe<{ id: string; sealed: string }[]>(
        `SELECT "${target.id}"::text AS id, "${target.column}" AS sealed FROM "${target.table}" WHERE "${target.column}" IS NOT NULL`,
      );
      for (const row of rows) {
        let opened: { plaintext: string; keyIndex: number };
        try {
          opened = openSecret(row.sealed, keys);
        } catch (error) {
          if (!(error instanceof SecretCryptoError)) throw error;
          report.unreadable.push({ table: target.table, id: row.id });
          continue;
        }
        if (opened.keyIndex === 0) {
          report.current += 1;
          continue;
        }
        // Only if nobody changed it meanwhile: a secret saved since is already under the newest key.
        report.resealed += await tx.$executeRawUnsafe(
          `UPDATE "${target.table}" SET "${target.column}" = $1 WHERE "${target.id}" = $2::${target.idType} AND "${target.column}" = $3`,
          encryptSecret(opened.plaintext, keys),
          row.id,
          row.sealed,
        );
      }
    }
  });
  return report;
}
