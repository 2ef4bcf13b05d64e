// Issue 12's lead form finding, written as the attack: ten leads in a burst from one client were
// all accepted. Now the catalog's form (its real server action) limits each address and each
// phone, turns a repeat about the same car into a note on the existing lead, and quietly drops
// what a bot typed into the honeypot.
import { describe, expect, it } from "vitest";
import { type LeadFormState, submitLead } from "@/app/[tenant]/vehicles/[slug]/actions";
import { withTenant } from "@/lib/core/db/tenant";
import { RateLimited } from "@/lib/core/errors";
import { createCatalogLead } from "@/lib/leads/catalog-lead";
import { HONEYPOT_FIELD } from "@/lib/leads/honeypot";
import { makeTenant, makeUser } from "../support/factories";
import { behindProxy, cookieJar } from "../support/framework";
import { AVANZA_2020, makeVehicle } from "../support/vehicles";

const idle: LeadFormState = { status: "idle" };

async function showroom() {
  const tenant = await makeTenant();
  await makeUser({ tenantId: tenant.id, role: "sales" });
  const vehicle = await makeVehicle(tenant.id, {
    ...AVANZA_2020,
    stockCode: "AB-1",
    brand: "Honda",
    model: "Brio",
    variant: undefined,
  });
  return { tenant, vehicle };
}

function form(room: Awaited<ReturnType<typeof showroom>>, fields: Record<string, string>): FormData {
  const data = new FormData();
  const all = {
    tenant: `id~p~${room.tenant.slug}`,
    vehicle: room.vehicle.slug,
    name: "Pembeli",
    message: "",
    ...fields,
  };
  for (const [key, value] of Object.entries(all)) data.set(key, value);
  return data;
}

const leadsOf = (tenantId: string) =>
  withTenant(tenantId, (tx) =>
    tx.lead.findMany({ include: { leadNotes: true }, orderBy: { createdAt: "asc" } }),
  );

describe("the catalog's lead form under attack (issue 12)", () => {
  it("accepts five of ten leads sent in a burst from one client and tells the rest to wait, in Indonesian", async () => {
    const room = await showroom();
    behindProxy("203.0.113.50");
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        submitLead(idle, form(room, { phone: `0813 5555 ${String(1000 + index)}` })),
      ),
    );
    expect(answers.filter((answer) => answer.status === "sent")).toHaveLength(5);
    const refused = answers.filter((answer) => answer.status === "error");
    expect(refused).toHaveLength(5);
    for (const answer of refused)
      expect(answer).toMatchObject({
        problems: [],
        notice: expect.stringMatching(
          /^Terlalu banyak permintaan dari perangkat ini\. Coba lagi dalam \d+ menit\.$/,
        ),
      });
    expect(await leadsOf(room.tenant.id)).toHaveLength(5);

    cookieJar().set("locale", "en");
    expect(await submitLead(idle, form(room, { phone: "0813 5555 2000" }))).toMatchObject({
      status: "error",
      notice: expect.stringMatching(/^Too many requests from this device\. Try again in \d+ minutes\.$/),
    });
    // Another client is not affected.
    behindProxy("198.51.100.50");
    expect(await submitLead(idle, form(room, { phone: "0813 5555 2001" }))).toEqual({ status: "sent" });
  });

  it("keeps one lead for one phone and car sent at the same moment from many addresses, and limits the phone", async () => {
    const room = await showroom();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, index) =>
        createCatalogLead({
          tenantId: room.tenant.id,
          vehicleSlug: room.vehicle.slug,
          input: { name: "Budi", phone: "0812 7777 0001", message: `percobaan ${index}` },
          ip: `203.0.113.${60 + index}`,
        }),
      ),
    );
    const accepted = results.filter((result) => result.status === "fulfilled");
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(accepted).toHaveLength(3);
    expect(refused).toHaveLength(2);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(RateLimited);
      expect(reason).toMatchObject({ message: "limits.leadPhone" });
      expect((reason as RateLimited).retryAfterSeconds).toBeGreaterThan(0);
    }
    const leads = await leadsOf(room.tenant.id);
    expect(leads).toHaveLength(1);
    // The two that came after the first are repeats: noted on the one lead.
    expect(leads[0]?.leadNotes).toHaveLength(2);
  });

  it("answers a repeat about the same car within a day with success, a note and the lead moved up", async () => {
    const room = await showroom();
    behindProxy("203.0.113.70");
    expect(await submitLead(idle, form(room, { phone: "0812 8888 0001", message: "Masih ada?" }))).toEqual({
      status: "sent",
    });
    const [before] = await leadsOf(room.tenant.id);
    expect(await submitLead(idle, form(room, { phone: "+62 812-8888-0001", message: "Masih ada?" }))).toEqual(
      {
        status: "sent",
      },
    );
    const leads = await leadsOf(room.tenant.id);
    expect(leads).toHaveLength(1);
    expect(leads[0]?.id).toBe(before?.id);
    expect(leads[0]?.leadNotes.map((note) => note.body)).toEqual([
      "Pembeli mengirim formulir lagi untuk mobil yang sama.\nMasih ada?",
    ]);
    expect(leads[0]?.updatedAt.getTime()).toBeGreaterThan(
      before?.updatedAt.getTime() ?? Number.POSITIVE_INFINITY,
    );
  });

  it("tells a bot that filled the honeypot its lead was sent, and keeps nothing", async () => {
    const room = await showroom();
    behindProxy("203.0.113.80");
    expect(
      await submitLead(
        idle,
        form(room, { phone: "0812 9999 0001", [HONEYPOT_FIELD]: "https://spam.example" }),
      ),
    ).toEqual({ status: "sent" });
    expect(await leadsOf(room.tenant.id)).toHaveLength(0);
  });
});
