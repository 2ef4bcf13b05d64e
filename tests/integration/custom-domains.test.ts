// Custom domains as an attacker and as a real owner try them, through the real server actions, the
// real check job and a real DNS server (tests/fakes/dns.ts): platform names, special-use names and
// punycode look-alikes are refused; another business's domain claimed without its TXT record is
// never served and the owner is told why; the record proves a domain, which then routes to its
// showroom; a domain whose record disappears stops serving after the grace period.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  addDomainAction,
  checkDomainAction,
  removeDomainAction,
} from "@/app/(platform)/dashboard/settings/actions";
import { readPublicShowroom } from "@/lib/catalog/public-showroom";
import { withTenant } from "@/lib/core/db/tenant";
import { getEnv, setEnv } from "@/lib/core/env";
import { MESSAGES } from "@/lib/core/i18n/messages";
import { listCustomDomains } from "@/lib/settings/custom-domains";
import { checkCustomDomain, type DomainCheckRequest, MAX_ATTEMPTS } from "@/lib/settings/domain-check";
import { checkCustomDomainJob } from "@/lib/settings/jobs/check-custom-domain";
import { recheckCustomDomainsSchedule } from "@/lib/settings/jobs/recheck-custom-domains";
import { findTenant } from "@/lib/tenancy/resolve";
import { type FakeDns, startFakeDns } from "../fakes/dns";
import { makeTenant, makeUser, makeVerifiedDomain, uniqueSlug } from "../support/factories";
import { signInAs } from "../support/framework";
import { queuedJobs, takeQueuedJobs } from "../support/queue";

let dns: FakeDns;
const saved = { ROOT_DOMAIN: "", APP_URL: "" };

beforeAll(async () => {
  dns = await startFakeDns();
  const env = getEnv();
  saved.ROOT_DOMAIN = env.ROOT_DOMAIN;
  saved.APP_URL = env.APP_URL ?? "";
});
afterAll(async () => {
  setEnv({ ROOT_DOMAIN: saved.ROOT_DOMAIN, APP_URL: saved.APP_URL });
  await dns.close();
});
beforeEach(() => {
  setEnv({ DNS_SERVERS: dns.server, ROOT_DOMAIN: "autolumiku.id", APP_URL: "https://app.autolumiku.id" });
});

async function showroom() {
  const tenant = await makeTenant();
  const owner = await makeUser({ tenantId: tenant.id, role: "owner" });
  return { tenant, owner };
}

const claims = (tenantId: string) => withTenant(tenantId, (tx) => listCustomDomains(tx, tenantId));
const claimOf = async (tenantId: string, domain: string) => {
  const found = (await claims(tenantId)).find((row) => row.domain === domain);
  if (!found) throw new Error(`no claim on ${domain}`);
  return found;
};
const served = (domain: string) => findTenant({ locale: "id", mode: "domain", key: domain });
const realDomain = () => `${uniqueSlug("toko")}.co.id`;

/** What the worker does with the owner's "verify": the job's waiting payloads, run in order. */
async function runQueuedChecks(domainId: string): Promise<DomainCheckRequest[]> {
  const jobs = await takeQueuedJobs(checkCustomDomainJob.name, "domainId", domainId);
  const ran: DomainCheckRequest[] = [];
  for (const job of jobs) {
    const request = checkCustomDomainJob.payload.parse(job.payload);
    await checkCustomDomainJob.run(request);
    ran.push(request);
  }
  return ran;
}

/** A check at a chosen moment (the grace period), scheduling retries the way the job does. */
const checkAt = (request: DomainCheckRequest, now: Date) =>
  checkCustomDomain(request, {
    now: () => now,
    scheduleRetry: (tx, next, runAt) => checkCustomDomainJob.enqueueInTx(tx, next, { runAt }),
  });

describe("claiming a domain", () => {
  it("refuses platform hosts, special-use names and punycode look-alikes, and stores nothing", async () => {
    const { tenant, owner } = await showroom();
    signInAs(owner);
    const refused: [string, string][] = [
      ["autolumiku.id", MESSAGES.id["domains.error.platform"]],
      ["admin.autolumiku.id", MESSAGES.id["domains.error.platform"]],
      [`${tenant.slug}.autolumiku.id`, MESSAGES.id["domains.error.platform"]],
      ["app.autolumiku.id", MESSAGES.id["domains.error.platform"]],
      ["mobil.test", MESSAGES.id["domains.error.reserved"]],
      ["example.com", MESSAGES.id["domains.error.reserved"]],
      // "аutolumiku.com" with a Cyrillic а, typed or already in punycode
      ["\u0430utolumiku.com", MESSAGES.id["domains.error.lookalike"]],
      ["xn--utolumiku-0jh.com", MESSAGES.id["domains.error.lookalike"]],
      // "pаypal.co.id": Latin and Cyrillic in one label
      ["xn--pypal-4ve.co.id", MESSAGES.id["domains.error.lookalike"]],
      ["aut0lumiku.co.id", MESSAGES.id["domains.error.lookalike"]],
    ];
    for (const [domain, message] of refused)
      expect(await addDomainAction({ domain }), domain).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { domain: [message] },
      });
    expect(await claims(tenant.id)).toEqual([]);
  });

  it("shows the owner the TXT record to add, with a token of this claim only", async () => {
    const a = await showroom();
    const b = await showroom();
    const domain = realDomain();
    signInAs(a.owner);
    expect(await addDomainAction({ domain })).toMatchObject({ ok: true });
    signInAs(b.owner);
    expect(await addDomainAction({ domain })).toMatchObject({ ok: true });
    const mine = await claimOf(a.tenant.id, domain);
    const theirs = await claimOf(b.tenant.id, domain);
    expect(mine.record.name).toBe(`_autolumiku.${domain}`);
    expect(mine.record.value).toMatch(/^autolumiku-verification=[0-9a-f]{32}$/);
    expect(theirs.record.value).not.toBe(mine.record.value);
    expect(mine).toMatchObject({ status: "pending", checking: false, lastCheckedAt: null, problem: null });
    signInAs(a.owner);
    expect(await addDomainAction({ domain })).toEqual({
      ok: false,
      code: "conflict",
      message: MESSAGES.id["domains.error.alreadyAdded"],
    });
  });
});

describe("proving a domain", () => {
  it("never serves another business's domain claimed without its TXT record, and says why", async () => {
    const { tenant, owner } = await showroom();
    const domain = realDomain();
    signInAs(owner);
    const added = await addDomainAction({ domain });
    if (!added.ok) throw new Error(added.message);
    // The real business has its own TXT records, just not ours.
    dns.setTxt(domain, ["v=spf1 -all"]);
    expect(await checkDomainAction({ domainId: added.data.id })).toMatchObject({ ok: true });
    expect(await claimOf(tenant.id, domain)).toMatchObject({ status: "pending", checking: true });

    const [first] = await runQueuedChecks(added.data.id);
    expect(first).toMatchObject({ mode: "verify", attempt: 1 });
    const afterFirst = await claimOf(tenant.id, domain);
    expect(afterFirst).toMatchObject({ status: "pending", checking: false, problem: "no_record" });
    expect(afterFirst.lastCheckedAt).not.toBeNull();
    expect(afterFirst.nextCheckAt).not.toBeNull();
    expect(await served(domain)).toBeNull();

    // The retries run out: failed, still not served.
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      const ran = await runQueuedChecks(added.data.id);
      expect(ran.at(-1)).toMatchObject({ mode: "verify", attempt });
    }
    expect(await queuedJobs(checkCustomDomainJob.name, "domainId", added.data.id)).toHaveLength(0);
    expect(await claimOf(tenant.id, domain)).toMatchObject({
      status: "failed",
      problem: "no_record",
      nextCheckAt: null,
    });
    expect(await served(domain)).toBeNull();
    expect((await readPublicShowroom(tenant.id)).domains).toEqual([]);

    // A record with someone else's value, and a nameserver that fails, are told apart.
    dns.setTxt(`_autolumiku.${domain}`, ["autolumiku-verification=0123456789abcdef0123456789abcdef"]);
    await checkDomainAction({ domainId: added.data.id });
    await runQueuedChecks(added.data.id);
    expect(await claimOf(tenant.id, domain)).toMatchObject({ status: "pending", problem: "wrong_token" });
    dns.fail(`_autolumiku.${domain}`);
    await checkDomainAction({ domainId: added.data.id });
    await runQueuedChecks(added.data.id);
    expect(await claimOf(tenant.id, domain)).toMatchObject({ status: "pending", problem: "dns_error" });
    expect(await served(domain)).toBeNull();
  });

  it("serves a domain once its TXT record checks out, and refreshes routing", async () => {
    const { tenant, owner } = await showroom();
    const domain = realDomain();
    signInAs(owner);
    const added = await addDomainAction({ domain });
    if (!added.ok) throw new Error(added.message);
    const { record } = await claimOf(tenant.id, domain);
    dns.setTxt(record.name, ["google-site-verification=abc", record.value]);
    await checkDomainAction({ domainId: added.data.id });
    await runQueuedChecks(added.data.id);

    expect(dns.questions).toContain(record.name);
    const claim = await claimOf(tenant.id, domain);
    expect(claim).toMatchObject({
      status: "verified",
      problem: null,
      nextCheckAt: null,
      stopsServingAt: null,
    });
    expect(claim.verifiedAt).not.toBeNull();
    expect(await served(domain)).toMatchObject({ id: tenant.id });
    expect((await readPublicShowroom(tenant.id)).domains).toEqual([domain]);
    expect(await queuedJobs("event:custom-domain-serving-changed", "domainId", added.data.id)).toMatchObject([
      { payload: { tenantId: tenant.id, serving: true } },
    ]);
    const audit = await withTenant(tenant.id, (tx) =>
      tx.auditLog.findMany({ where: { entityId: added.data.id }, orderBy: { createdAt: "asc" } }),
    );
    expect(audit.map((row) => row.action)).toEqual([
      "settings.domain.add",
      "settings.domain.check",
      "settings.domain.verified",
    ]);
  });

  it("lets the real owner prove a domain a squatter claimed first; the squatter's claim then fails as taken", async () => {
    const squatter = await showroom();
    const owner = await showroom();
    const latecomer = await showroom();
    const domain = realDomain();
    signInAs(squatter.owner);
    const squatted = await addDomainAction({ domain });
    signInAs(owner.owner);
    const claimed = await addDomainAction({ domain });
    if (!squatted.ok || !claimed.ok) throw new Error("claims refused");
    // The domain's owner publishes their own token, and (carelessly) the squatter's too.
    const ownerRecord = (await claimOf(owner.tenant.id, domain)).record;
    const squatterRecord = (await claimOf(squatter.tenant.id, domain)).record;
    dns.setTxt(ownerRecord.name, [ownerRecord.value, squatterRecord.value]);
    await checkDomainAction({ domainId: claimed.data.id });
    await runQueuedChecks(claimed.data.id);
    expect(await served(domain)).toMatchObject({ id: owner.tenant.id });

    signInAs(squatter.owner);
    await checkDomainAction({ domainId: squatted.data.id });
    await runQueuedChecks(squatted.data.id);
    expect(await claimOf(squatter.tenant.id, domain)).toMatchObject({ status: "failed", problem: "taken" });
    expect(await served(domain)).toMatchObject({ id: owner.tenant.id });

    signInAs(latecomer.owner);
    expect(await addDomainAction({ domain })).toEqual({
      ok: false,
      code: "conflict",
      message: MESSAGES.id["settings.error.domainTaken"],
    });
    expect(await claims(latecomer.tenant.id)).toEqual([]);
  });
});

describe("re-checking verified domains", () => {
  it("keeps serving through the grace period after the record disappears, then stops", async () => {
    const { tenant } = await showroom();
    const domain = realDomain();
    const row = await makeVerifiedDomain(tenant.id, domain);
    const { record } = await claimOf(tenant.id, domain);
    dns.setTxt(record.name, [record.value]);

    // The hourly schedule queues a re-check of every verified domain.
    await recheckCustomDomainsSchedule.run({});
    const [queued] = await takeQueuedJobs(checkCustomDomainJob.name, "domainId", row.id);
    expect(queued?.payload).toMatchObject({ tenantId: tenant.id, mode: "recheck" });
    const recheck = checkCustomDomainJob.payload.parse(queued?.payload);

    dns.remove(record.name);
    const lost = new Date();
    await checkAt(recheck, lost);
    const failing = await claimOf(tenant.id, domain);
    expect(failing).toMatchObject({ status: "verified", problem: "no_record" });
    const graceMs = getEnv().DOMAIN_GRACE_HOURS * 3_600_000;
    expect(failing.stopsServingAt).toBe(new Date(lost.getTime() + graceMs).toISOString());
    expect(await served(domain)).toMatchObject({ id: tenant.id });

    await checkAt(recheck, new Date(lost.getTime() + graceMs - 60_000));
    expect(await served(domain)).toMatchObject({ id: tenant.id });

    await checkAt(recheck, new Date(lost.getTime() + graceMs + 60_000));
    expect(await claimOf(tenant.id, domain)).toMatchObject({ status: "failed", problem: "no_record" });
    expect(await served(domain)).toBeNull();
    expect(await queuedJobs("event:custom-domain-serving-changed", "domainId", row.id)).toMatchObject([
      { payload: { serving: false } },
    ]);
  });

  it("forgets the failure when the record comes back within the grace period", async () => {
    const { tenant } = await showroom();
    const domain = realDomain();
    const row = await makeVerifiedDomain(tenant.id, domain);
    const { record } = await claimOf(tenant.id, domain);
    const recheck = { tenantId: tenant.id, domainId: row.id, mode: "recheck", attempt: 1 } as const;
    await checkAt(recheck, new Date());
    expect(await claimOf(tenant.id, domain)).toMatchObject({ status: "verified", problem: "no_record" });
    dns.setTxt(record.name, [record.value]);
    await checkAt(recheck, new Date());
    expect(await claimOf(tenant.id, domain)).toMatchObject({
      status: "verified",
      problem: null,
      stopsServingAt: null,
    });
  });

  it("stops serving a removed domain at once", async () => {
    const { tenant, owner } = await showroom();
    const domain = realDomain();
    const row = await makeVerifiedDomain(tenant.id, domain);
    expect(await served(domain)).toMatchObject({ id: tenant.id });
    signInAs(owner);
    expect(await removeDomainAction({ domainId: row.id })).toMatchObject({ ok: true });
    expect(await served(domain)).toBeNull();
  });
});
