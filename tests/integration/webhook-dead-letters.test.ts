// Attack: a correctly signed but malformed WhatsApp webhook (wrong shape, or one unreadable part
// beside a good one). It must be set aside ONCE in the dead-letter table, its job finishing instead
// of failing 25 times, with the good part still processed; /admin/health counts it and lists it
// without the body.
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { healthReport } from "@/lib/admin/health";
import { processWebhookEventJob } from "@/lib/assistant/jobs/process-webhook-event";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { withTenant } from "@/lib/core/db/tenant";
import { setEnv } from "@/lib/core/env";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import { makeTenant, makeUser } from "../support/factories";
import { messagesWebhook } from "../support/webhook-body";

const APP_SECRET = "dead-letter-secret";
const system = { kind: "system", name: "test" } as const;

async function postSigned(body: string): Promise<Response> {
  return POST(
    new Request("http://localhost/api/webhooks/whatsapp", {
      method: "POST",
      body,
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": signWebhookBody(body, APP_SECRET),
      },
    }),
  );
}

/** The stored event whose body carries `marker`, with its dead letters. */
const eventWith = (marker: string) =>
  withPlatformAccess({ actor: system, action: "test.read", entity: "webhook_events" }, async (tx) => {
    const event = await tx.webhookEvent.findFirstOrThrow({ where: { body: { contains: marker } } });
    const letters = await tx.webhookDeadLetter.findMany({ where: { eventId: event.id } });
    return { event, letters };
  });

let phoneNumberId = "";
let tenantId = "";

beforeAll(async () => {
  setEnv({ WHATSAPP_APP_SECRET: APP_SECRET });
  const tenant = await makeTenant("Showroom Surat");
  tenantId = tenant.id;
  phoneNumberId = String(700000 + Math.floor(Math.random() * 99999));
  await withTenant(tenant.id, (tx) =>
    tx.tenant.update({ where: { id: tenant.id }, data: { whatsappPhoneNumberId: phoneNumberId } }),
  );
});

describe("malformed but correctly signed webhooks", () => {
  it("sets a body of the wrong shape aside once; its job finishes however often it runs", async () => {
    const marker = `marker-${Date.now()}`;
    const response = await postSigned(JSON.stringify({ object: "whatsapp_business_account", entry: marker }));
    expect(response.status).toBe(200);
    const { event } = await eventWith(marker);
    // The first run and two more (a retry, a redelivery of the job) all succeed: nothing to retry.
    for (let run = 0; run < 3; run += 1)
      await expect(processWebhookEventJob.run({ eventId: event.id })).resolves.toBeUndefined();
    const { event: after, letters } = await eventWith(marker);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.reason).toContain("Not a WhatsApp webhook body");
    expect(letters[0]?.body).toContain(marker);
    expect(after.processedAt).not.toBeNull();
    expect(after.lastError).toMatch(/^dead letter: /);
  });

  it("sets aside a body that is not JSON at all, once", async () => {
    const marker = `not-json-${Date.now()}`;
    expect((await postSigned(`{${marker}`)).status).toBe(200);
    const { event } = await eventWith(marker);
    await processWebhookEventJob.run({ eventId: event.id });
    await processWebhookEventJob.run({ eventId: event.id });
    const { letters } = await eventWith(marker);
    expect(letters.map((letter) => letter.reason)).toEqual(["body is not JSON"]);
  });

  it("processes the readable message and sets the unreadable part aside, and health shows it without the body", async () => {
    const marker = `wamid.good-${Date.now()}`;
    const body = messagesWebhook(phoneNumberId, {
      contacts: [{ profile: { name: "Budi" }, wa_id: "6281355550001" }],
      messages: [
        {
          from: "6281355550001",
          id: marker,
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: "text",
          text: { body: "halo" },
        },
        { from: "6281355550001", type: "text", text: { body: "no id, no timestamp" } },
      ],
    });
    expect((await postSigned(body)).status).toBe(200);
    const { event } = await eventWith(marker);
    await processWebhookEventJob.run({ eventId: event.id });
    await processWebhookEventJob.run({ eventId: event.id });
    const { letters } = await eventWith(marker);
    expect(letters).toHaveLength(1);
    expect(letters[0]?.reason).toMatch(/^unreadable parts: /);
    expect(await withTenant(tenantId, (tx) => tx.waMessage.count({ where: { wamid: marker } }))).toBe(1);

    const admin = await makeUser({ role: "super_admin" });
    const report = await healthReport({ kind: "super_admin", userId: admin.id, email: admin.email });
    expect(report.deadLetters.total).toBeGreaterThanOrEqual(3);
    expect(report.deadLetters.lastDay).toBeGreaterThanOrEqual(3);
    const listed = report.deadLetters.recent.find((letter) => letter.eventId === event.id);
    expect(listed?.reason).toMatch(/^unreadable parts: /);
    expect(JSON.stringify(report.deadLetters)).not.toContain("halo");
  });

  it("keeps dead letters out of every showroom's reach", async () => {
    const seen = await withTenant(tenantId, (tx) => tx.webhookDeadLetter.count());
    expect(seen).toBe(0);
  });
});
