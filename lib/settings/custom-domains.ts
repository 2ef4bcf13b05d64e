// A showroom's custom domains as its owner manages them: claim one (refused for platform hosts,
// special-use names, look-alikes and domains another showroom holds verified), see the TXT record
// that proves it and the last check's outcome, ask for a check, remove it. Only a verified domain
// serves the catalog (lib/settings/domain-check.ts decides).
import "server-only";
import { domainToUnicode } from "node:url";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import type { StaffContext } from "@/lib/auth/staff-context";
import type { Tx } from "@/lib/core/db/client";
import { getEnv } from "@/lib/core/env";
import { Conflict, NotFound } from "@/lib/core/errors";
import type { MessageKey } from "@/lib/core/i18n/messages";
import { type DomainCheckProblem, Prisma } from "@/lib/generated/prisma/client";
import { showroomServing, txtRecordOf } from "@/lib/settings/domain-check";
import { checkCustomDomainJob } from "@/lib/settings/jobs/check-custom-domain";
import { requireSettingsManager } from "@/lib/settings/settings-manager";
import {
  checkCustomDomainName,
  type DomainNameProblem,
  platformHostsOf,
} from "@/lib/tenancy/custom-domain-name";

const NAME_PROBLEMS: Record<DomainNameProblem, MessageKey> = {
  format: "settings.error.domain",
  platform: "domains.error.platform",
  reserved: "domains.error.reserved",
  lookalike: "domains.error.lookalike",
};

export const DomainAddInput = z.object({
  domain: z
    .string()
    .max(300, "settings.error.domain")
    .transform((value, ctx) => {
      const checked = checkCustomDomainName(value, platformHostsOf(getEnv()));
      if (checked.ok) return checked.domain;
      ctx.addIssue({ code: "custom", message: NAME_PROBLEMS[checked.problem] });
      return "";
    }),
});
export const DomainIdInput = z.object({ domainId: z.uuid() });

export interface CustomDomainView {
  id: string;
  /** As stored and looked up: ASCII, punycode for internationalised names. */
  domain: string;
  /** As a person reads it (Unicode). */
  displayName: string;
  status: "pending" | "verified" | "failed";
  /** The TXT record that proves the claim. */
  record: { name: string; value: string };
  /** The owner asked for a check that has not run yet. */
  checking: boolean;
  lastCheckedAt: string | null;
  problem: DomainCheckProblem | null;
  nextCheckAt: string | null;
  verifiedAt: string | null;
  /** A verified domain whose record stopped checking out stops serving then. */
  stopsServingAt: string | null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The showroom's claims, for its settings page and the platform console. */
export async function listCustomDomains(tx: Tx, tenantId: string): Promise<CustomDomainView[]> {
  const rows = await tx.tenantDomain.findMany({ where: { tenantId }, orderBy: { domain: "asc" } });
  const graceMs = getEnv().DOMAIN_GRACE_HOURS * 3_600_000;
  return rows.map((row) => ({
    id: row.id,
    domain: row.domain,
    displayName: domainToUnicode(row.domain) || row.domain,
    status: row.status,
    record: txtRecordOf(row),
    checking: Boolean(
      row.checkRequestedAt && (!row.lastCheckedAt || row.lastCheckedAt < row.checkRequestedAt),
    ),
    lastCheckedAt: iso(row.lastCheckedAt),
    problem: row.lastProblem,
    nextCheckAt: iso(row.nextCheckAt),
    verifiedAt: iso(row.verifiedAt),
    stopsServingAt:
      row.status === "verified" && row.failingSince
        ? new Date(row.failingSince.getTime() + graceMs).toISOString()
        : null,
  }));
}

export async function addDomain(
  context: StaffContext,
  input: z.output<typeof DomainAddInput>,
): Promise<{ id: string; domain: string }> {
  requireSettingsManager(context);
  const { tx, user, actor } = context;
  const holder = await showroomServing(tx, input.domain);
  if (holder && holder !== user.tenantId) throw new Conflict("settings.error.domainTaken");
  try {
    const row = await tx.tenantDomain.create({
      data: { tenantId: user.tenantId, domain: input.domain },
      select: { id: true, domain: true },
    });
    await recordAudit(tx, {
      tenantId: user.tenantId,
      actor,
      action: "settings.domain.add",
      entity: "domain",
      entityId: row.id,
      after: row,
    });
    return row;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new Conflict("domains.error.alreadyAdded");
    throw error;
  }
}

/** The owner's "verify" button: a check now, retried while DNS propagates. */
export async function requestDomainCheck(
  context: StaffContext,
  input: z.output<typeof DomainIdInput>,
): Promise<void> {
  requireSettingsManager(context);
  const { tx, user, actor } = context;
  const row = await tx.tenantDomain.findUnique({
    where: { id: input.domainId },
    select: { id: true, domain: true },
  });
  if (!row) throw new NotFound();
  const now = new Date();
  await tx.tenantDomain.update({ where: { id: row.id }, data: { checkRequestedAt: now, nextCheckAt: now } });
  await checkCustomDomainJob.enqueueInTx(tx, { tenantId: user.tenantId, domainId: row.id, mode: "verify" });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "settings.domain.check",
    entity: "domain",
    entityId: row.id,
    after: row,
  });
}

export async function removeDomain(
  context: StaffContext,
  input: z.output<typeof DomainIdInput>,
): Promise<void> {
  requireSettingsManager(context);
  const { tx, user, actor } = context;
  const row = await tx.tenantDomain.findUnique({
    where: { id: input.domainId },
    select: { id: true, domain: true },
  });
  if (!row) throw new NotFound();
  await tx.tenantDomain.delete({ where: { id: row.id } });
  await recordAudit(tx, {
    tenantId: user.tenantId,
    actor,
    action: "settings.domain.remove",
    entity: "domain",
    entityId: row.id,
    before: row,
  });
}
