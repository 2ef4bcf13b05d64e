// A staff member's own notification settings: the WhatsApp number alerts go to (the one on their
// staff profile, also the number staff commands are recognised from) and the channels they want
// per notification type. Only the signed-in person's own row is read or changed.
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { StaffUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { Tx } from "@/lib/core/db/client";
import { Conflict } from "@/lib/core/errors";
import { normalizePhone } from "@/lib/core/phone";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  type Channel,
  ChannelId,
  channelsFor,
  isChannelOffered,
  NotificationPreferences,
  type NotificationType,
  typesFor,
} from "@/lib/notifications/types";

export interface MyNotificationSettings {
  whatsappNumber: string | null;
  types: { type: NotificationType; channels: Channel[] }[];
}

type Viewer = Pick<StaffUser, "id" | "role">;
const isManager = (viewer: Viewer) => can(viewer.role, "leads.read.all");

export async function readMyNotificationSettings(tx: Tx, viewer: Viewer): Promise<MyNotificationSettings> {
  const row = await tx.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { whatsappNumber: true, notificationPreferences: true },
  });
  const preferences = NotificationPreferences.parse(row.notificationPreferences);
  return {
    whatsappNumber: row.whatsappNumber,
    types: typesFor(isManager(viewer)).map((type) => ({ type, channels: channelsFor(preferences, type) })),
  };
}

export const MyNotificationSettingsInput = z.object({
  whatsappNumber: z
    .string()
    .trim()
    .max(40, "notifications.error.phone")
    .transform((value, ctx) => {
      if (!value) return null;
      const phone = normalizePhone(value);
      if (!phone) ctx.addIssue({ code: "custom", message: "notifications.error.phone" });
      return phone;
    }),
  /** Channels per type; a type left out keeps what it had. */
  channels: z.record(z.string(), z.array(ChannelId).max(3)),
});

export async function updateMyNotificationSettings(
  context: StaffContext,
  input: z.output<typeof MyNotificationSettingsInput>,
): Promise<MyNotificationSettings> {
  const { tx, user, actor } = context;
  const before = await tx.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { whatsappNumber: true, notificationPreferences: true },
  });
  if (input.whatsappNumber && input.whatsappNumber !== before.whatsappNumber) {
    // A number identifies its owner on WhatsApp (staff commands, alerts): one person, not the showroom's own.
    const [taken, showroom] = [
      await tx.user.findFirst({
        where: { whatsappNumber: input.whatsappNumber, isActive: true, id: { not: user.id } },
        select: { id: true },
      }),
      await tx.tenant.findUniqueOrThrow({ where: { id: user.tenantId }, select: { whatsappNumber: true } }),
    ];
    if (taken || showroom.whatsappNumber === input.whatsappNumber)
      throw new Conflict("notifications.error.phoneTaken");
  }
  const preferences: NotificationPreferences = NotificationPreferences.parse(before.notificationPreferences);
  for (const type of typesFor(isManager(user))) {
    const chosen = input.channels[type];
    if (chosen) preferences[type] = [...new Set(chosen)].filter((channel) => isChannelOffered(type, channel));
  }
  await tx.user.update({
    where: { id: user.id },
    data: {
      whatsappNumber: input.whatsappNumber,
      notificationPreferences: preferences as Prisma.InputJsonValue,
    },
  });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "user.notification_settings",
    entity: "user",
    entityId: user.id,
    before,
    after: { whatsappNumber: input.whatsappNumber, notificationPreferences: preferences },
  });
  return readMyNotificationSettings(tx, user);
}
