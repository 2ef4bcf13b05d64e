// Proof that a showroom controls its custom domain: a TXT record `_autolumiku.<domain>` whose value
// is `autolumiku-verification=<token>`, the claim's own random token. Checked by the
// "custom-domain-check" job when the owner asks (with retries while DNS propagates) and every hour
// for verified domains (lib/settings/jobs). A verified domain whose record stops checking out keeps
// serving for DOMAIN_GRACE_HOURS, then stops; a domain another showroom holds verified is "taken".
import "server-only";
import { z } from "zod";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { lookupTxt, type TxtLookup } from "@/lib/core/dns";
import { getEnv } from "@/lib/core/env";
import type { DomainCheckProblem } from "@/lib/generated/prisma/client";
import { customDomainServingChanged } from "@/lib/settings/events";

export const TXT_RECORD_PREFIX = "_autolumiku";
const TXT_VALUE_PREFIX = "autolumiku-verification=";

/** The record an owner adds at their DNS provider. */
export function txtRecordOf(claim: { domain: string; token: string }): { name: string; value: string } {
  return { name: `${TXT_RECORD_PREFIX}.${claim.domain}`, value: `${TXT_VALUE_PREFIX}${claim.token}` };
}

/** Waits before the owner-requested check is tried again: DNS changes take minutes to spread. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export const DomainCheckRequest = z.object({
  tenantId: z.uuid(),
  domainId: z.uuid(),
  /** "verify": the owner asked (retried while it fails); "recheck": the hourly look, once. */
  mode: z.enum(["verify", "recheck"]),
  attempt: z.number().int().min(1).max(MAX_ATTEMPTS).default(1),
});
export type DomainCheckRequest = z.output<typeof DomainCheckRequest>;

/** How the check's next attempt gets queued, in the check's own transaction. */
export type ScheduleRetry = (tx: Tx, next: DomainCheckRequest, runAt: Date) => Promise<void>;

const CHECKER: Actor = { userId: null, email: "system:domain-check" };

function outcomeOf(lookup: TxtLookup, expected: string): "proven" | DomainCheckProblem {
  if (lookup.kind === "error") return "dns_error";
  if (lookup.kind === "none") return "no_record";
  return lookup.values.some((value) => value.trim() === expected) ? "proven" : "wrong_token";
}

/** The showroom a domain serves right now, from any showroom's transaction (narrow lookup). */
export async function showroomServing(tx: Tx, domain: string): Promise<string | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM app_find_tenant(NULL, ${domain})`;
  return rows[0]?.id ?? null;
}

type Claim = { id: string; tenantId: string; domain: string; status: string; failingSince: Date | null };

async function servingChanged(tx: Tx, claim: Claim, serving: boolean, problem?: DomainCheckProblem) {
  await recordAudit(tx, {
    tenantId: claim.tenantId,
    actor: CHECKER,
    action: serving ? "settings.domain.verified" : "settings.domain.stopped",
    entity: "domain",
    entityId: claim.id,
    after: { domain: claim.domain, problem: problem ?? null },
  });
  await customDomainServingChanged.emitInTx(tx, { tenantId: claim.tenantId, domainId: claim.id, serving });
}

async function applyProof(tx: Tx, claim: Claim, now: Date): Promise<void> {
  const checked = { lastCheckedAt: now, nextCheckAt: null, lastProblem: null, failingSince: null };
  if (claim.status === "verified") {
    await tx.tenantDomain.update({ where: { id: claim.id }, data: checked });
    return;
  }
  const holder = await showroomServing(tx, claim.domain);
  if (holder && holder !== claim.tenantId) {
    await tx.tenantDomain.update({
      where: { id: claim.id },
      data: { ...checked, status: "failed", lastProblem: "taken" },
    });
    return;
  }
  // Two showrooms proving one domain at once: the unique verified_domain index lets one commit;
  // the other's job fails, is retried, and then finds the domain taken.
  await tx.tenantDomain.update({
    where: { id: claim.id },
    data: { ...checked, status: "verified", verifiedDomain: claim.domain, verifiedAt: now },
  });
  await servingChanged(tx, claim, true);
}

async function applyProblem(
  tx: Tx,
  claim: Claim,
  problem: DomainCheckProblem,
  context: { request: DomainCheckRequest; now: Date; scheduleRetry: ScheduleRetry },
): Promise<void> {
  const { request, now } = context;
  const checked = { lastCheckedAt: now, lastProblem: problem, nextCheckAt: null };
  if (claim.status === "verified") {
    const failingSince = claim.failingSince ?? now;
    const graceMs = getEnv().DOMAIN_GRACE_HOURS * 3_600_000;
    if (now.getTime() - failingSince.getTime() < graceMs) {
      await tx.tenantDomain.update({ where: { id: claim.id }, data: { ...checked, failingSince } });
      return;
    }
    await tx.tenantDomain.update({
      where: { id: claim.id },
      data: { ...checked, status: "failed", verifiedDomain: null, verifiedAt: null, failingSince: null },
    });
    await servingChanged(tx, claim, false, problem);
    return;
  }
  if (request.mode === "recheck") {
    await tx.tenantDomain.update({ where: { id: claim.id }, data: checked });
    return;
  }
  const delay = RETRY_DELAYS_MS[request.attempt - 1];
  if (delay === undefined) {
    await tx.tenantDomain.update({ where: { id: claim.id }, data: { ...checked, status: "failed" } });
    return;
  }
  const runAt = new Date(now.getTime() + delay);
  await tx.tenantDomain.update({
    where: { id: claim.id },
    data: { ...checked, status: "pending", nextCheckAt: runAt },
  });
  await context.scheduleRetry(tx, { ...request, attempt: request.attempt + 1 }, runAt);
}

/**
 * Looks the record up (outside any transaction: DNS may take seconds) and records the outcome on
 * the claim. A claim removed or re-created meanwhile (another token) is left alone.
 */
export async function checkCustomDomain(
  request: DomainCheckRequest,
  options: { scheduleRetry: ScheduleRetry; now?: () => Date },
): Promise<void> {
  const { tenantId, domainId } = request;
  const claim = await withTenant(tenantId, (tx) =>
    tx.tenantDomain.findUnique({ where: { id: domainId }, select: { domain: true, token: true } }),
  );
  if (!claim) return;
  const outcome = outcomeOf(await lookupTxt(txtRecordOf(claim).name), txtRecordOf(claim).value);
  await withTenant(tenantId, async (tx) => {
    const current = await tx.tenantDomain.findUnique({
      where: { id: domainId },
      select: { id: true, tenantId: true, domain: true, token: true, status: true, failingSince: true },
    });
    if (!current || current.token !== claim.token) return;
    const now = options.now?.() ?? new Date();
    if (outcome === "proven") await applyProof(tx, current, now);
    else await applyProblem(tx, current, outcome, { request, now, scheduleRetry: options.scheduleRetry });
  });
}

/** Every claim the hourly look covers, with its showroom (narrow lookup across showrooms). */
export async function customDomainsToRecheck(): Promise<{ id: string; tenantId: string }[]> {
  const rows = await db().$queryRaw<
    { id: string; tenant_id: string }[]
  >`SELECT id, tenant_id FROM app_custom_domains_to_recheck()`;
  return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id }));
}
