// Who a notification reaches: named staff members, or the showroom's managers (owners and admins),
// with what each needs for delivery (their WhatsApp number and their chosen channels). Runs in the
// caller's tenant transaction, so only that showroom's people are ever found.
import "server-only";
import type { Tx } from "@/lib/core/db/client";
import { NotificationPreferences } from "@/lib/notifications/types";

export interface Recipient {
  id: string;
  name: string;
  whatsappNumber: string | null;
  preferences: NotificationPreferences;
}

const SELECT = { id: true, name: true, whatsappNumber: true, notificationPreferences: true } as const;

function asRecipient(row: {
  id: string;
  name: string;
  whatsappNumber: string | null;
  notificationPreferences: unknown;
}): Recipient {
  return {
    id: row.id,
    name: row.name,
    whatsappNumber: row.whatsappNumber,
    preferences: NotificationPreferences.parse(row.notificationPreferences),
  };
}

/** Active staff members among `ids` (a deactivated one hears nothing). */
export async function staffRecipients(tx: Tx, ids: readonly string[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  const rows = await tx.user.findMany({
    where: { id: { in: [...ids] }, isActive: true, role: { in: ["owner", "admin", "sales"] } },
    select: SELECT,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(asRecipient);
}

/** The showroom's active owners and admins: who hears of what has no single owner. */
export async function managerRecipients(tx: Tx): Promise<Recipient[]> {
  const rows = await tx.user.findMany({
    where: { isActive: true, role: { in: ["owner", "admin"] } },
    select: SELECT,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(asRecipient);
}
