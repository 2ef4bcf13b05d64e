// A showroom's settings for alerting its staff: the time zone its opening hours are read in, how
// long a buyer waits for a person before the next salesperson is asked, and the approved WhatsApp
// utility template used when a staff member has not written to the showroom's number in 24 hours.
import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { Tx } from "@/lib/core/db/client";
import { Forbidden } from "@/lib/core/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  isOpenAt,
  nextOpening,
  type Opening,
  readTimeZone,
  StoredHours,
  type TimeZone,
  TimeZoneId,
} from "@/lib/tenancy/hours";

/** tenants.whatsapp_templates: approved template names; unknown keys are kept as they are. */
const StoredTemplates = z
  .looseObject({
    staffAlert: z.string().optional(),
    language: z.string().optional(),
  })
  .catch({});

export interface StaffAlertSettings {
  timeZone: TimeZone;
  /** The opening hours of the showroom's profile, read in `timeZone`. */
  openingHours: StoredHours;
  /** 0: never escalate. */
  escalationMinutes: number;
  /** An approved utility template with three body parameters: what happened, the details, the link. */
  template: { name: string; language: string } | null;
}

export const DEFAULT_TEMPLATE_LANGUAGE = "id";

export async function readStaffAlertSettings(tx: Tx, tenantId: string): Promise<StaffAlertSettings> {
  const tenant = await tx.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { timeZone: true, handoffEscalationMinutes: true, whatsappTemplates: true, openingHours: true },
  });
  const templates = StoredTemplates.parse(tenant.whatsappTemplates);
  return {
    timeZone: readTimeZone(tenant.timeZone),
    openingHours: StoredHours.parse(tenant.openingHours),
    escalationMinutes: tenant.handoffEscalationMinutes,
    template: templates.staffAlert
      ? { name: templates.staffAlert, language: templates.language ?? DEFAULT_TEMPLATE_LANGUAGE }
      : null,
  };
}

/** Whether the showroom is open at `at`, and if not, when it opens next (null when it has no hours). */
export function showroomClock(
  settings: Pick<StaffAlertSettings, "timeZone" | "openingHours">,
  at: Date,
): { open: true } | { open: false; next: Opening | null } {
  if (settings.openingHours.length === 0 || isOpenAt(settings.openingHours, settings.timeZone, at))
    return { open: true };
  return { open: false, next: nextOpening(settings.openingHours, settings.timeZone, at) };
}

// Meta's template names: lower-case letters, digits and underscores; languages like "id" or "en_US".
export const StaffAlertSettingsInput = z.object({
  timeZone: TimeZoneId,
  escalationMinutes: z.coerce
    .number()
    .int("notifications.error.minutes")
    .min(0, "notifications.error.minutes")
    .max(1440, "notifications.error.minutes"),
  templateName: z
    .string()
    .trim()
    .max(512, "notifications.error.template")
    .regex(/^[a-z0-9_]*$/, "notifications.error.template"),
  templateLanguage: z
    .string()
    .trim()
    .regex(/^([a-z]{2,3}(_[A-Z]{2})?)?$/, "notifications.error.language"),
});

export async function updateStaffAlertSettings(
  context: StaffContext,
  input: z.output<typeof StaffAlertSettingsInput>,
): Promise<StaffAlertSettings> {
  if (!can(context.user.role, "settings.manage")) throw new Forbidden();
  const { tx, user, actor } = context;
  const before = await readStaffAlertSettings(tx, user.tenantId);
  const stored = await tx.tenant.findUniqueOrThrow({
    where: { id: user.tenantId },
    select: { whatsappTemplates: true },
  });
  const current = StoredTemplates.parse(stored.whatsappTemplates);
  // The language is shared by every template of the showroom; only the alert's name is ours to drop.
  const { staffAlert: _dropped, ...others } = current;
  const templates = {
    ...others,
    ...(input.templateName ? { staffAlert: input.templateName } : {}),
    language: input.templateLanguage || current.language || DEFAULT_TEMPLATE_LANGUAGE,
  };
  await tx.tenant.update({
    where: { id: user.tenantId },
    data: {
      timeZone: input.timeZone,
      handoffEscalationMinutes: input.escalationMinutes,
      whatsappTemplates: templates as Prisma.InputJsonValue,
    },
  });
  const after = await readStaffAlertSettings(tx, user.tenantId);
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "settings.staff_alerts",
    entity: "tenant",
    entityId: user.tenantId,
    before,
    after,
  });
  return after;
}
