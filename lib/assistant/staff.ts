// Staff mode: a message from an active staff member's registered WhatsApp number, for that
// showroom only. Deactivated staff are not found here and are treated as buyers.
import type { Tx } from "@/lib/db/client";

export interface StaffSender {
  id: string;
  name: string;
  email: string;
  role: "owner" | "admin" | "sales";
}

/** The active staff member of this showroom (the tenant transaction's) whose WhatsApp number sent the message. */
export async function findStaffSender(tx: Tx, waId: string | null): Promise<StaffSender | null> {
  if (!waId) return null;
  const user = await tx.user.findFirst({
    where: { whatsappNumber: waId, isActive: true, role: { in: ["owner", "admin", "sales"] } },
    select: { id: true, name: true, email: true, role: true },
  });
  if (!user || user.role === "super_admin") return null;
  return { ...user, role: user.role };
}

export interface StaffTurnResult {
  reply: string;
}

/** Placeholder until staff commands land: tells staff the assistant recognised them. */
export async function runStaffTurn(_tx: Tx, options: { tenantId: string; staff: StaffSender; text: string }): Promise<StaffTurnResult> {
  return { reply: `Halo ${options.staff.name}, perintah staf belum tersedia di sini. Gunakan dasbor untuk mengubah stok.` };
}
