// Attack: oversized request bodies, declared or streamed without a length. Each route refuses them
// with 413 before reading them whole: the webhook over 1 MB before any signature work, uploads over
// the advertised 15 MB (with the message in the user's language, before the session is even looked
// at), and JSON routes over 1 MB; a streamed body is cut off, never buffered to the end.
import { describe, expect, it } from "vitest";
import { POST as createShowroom } from "@/app/api/admin/showrooms/route";
import { POST as uploadPhoto } from "@/app/api/dashboard/vehicles/[id]/photos/route";
import { POST as webhook } from "@/app/api/webhooks/whatsapp/route";
import { withPlatformAccess } from "@/lib/core/db/platform";
import { setEnv } from "@/lib/core/env";
import { signWebhookBody } from "@/lib/whatsapp/signature";
import { makeTenant, makeUser } from "../support/factories";
import { cookieJar, signInAs } from "../support/framework";

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A body of `total` bytes streamed in 64 KB chunks, no Content-Length; `pulled()` counts what was read. */
function streamedBody(total: number) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
    },
  });
  return { stream, pulled: () => sent };
}

function post(url: string, body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string>) {
  const init: RequestInit & { duplex: "half" } = {
    method: "POST",
    body,
    headers: { origin: "http://localhost", ...headers },
    duplex: "half",
  };
  return new Request(url, init);
}

const storedEvents = () =>
  withPlatformAccess(
    { actor: { kind: "system", name: "test" }, action: "test.count", entity: "webhook_events" },
    (tx) => tx.webhookEvent.count(),
  );

describe("request body limits", () => {
  it("refuses a webhook declaring more than 1 MB with 413, before the signature is checked, storing nothing", async () => {
    setEnv({ WHATSAPP_APP_SECRET: "limit-secret" });
    const before = await storedEvents();
    const body = JSON.stringify({ object: "whatsapp_business_account", entry: [], pad: "a".repeat(MB + 10) });
    const response = await webhook(
      post("http://localhost/api/webhooks/whatsapp", body, {
        "content-type": "application/json",
        "x-hub-signature-256": signWebhookBody(body, "limit-secret"),
      }),
    );
    // Correctly signed, still refused: the size comes first.
    expect(response.status).toBe(413);
    expect(await storedEvents()).toBe(before);
  });

  it("stops reading a streamed webhook body without a length just past 1 MB", async () => {
    const body = streamedBody(8 * MB);
    const response = await webhook(
      post("http://localhost/api/webhooks/whatsapp", body.stream, {
        "content-type": "application/json",
        "x-hub-signature-256": "sha256=00",
      }),
    );
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThan(2 * MB);
  });

  it("refuses an upload declared over the advertised 15 MB with the user's message, signed in or not", async () => {
    const tenant = await makeTenant();
    const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
    const id = "00000000-0000-4000-8000-000000000000";
    const oversized = () =>
      post(`http://localhost/api/dashboard/vehicles/${id}/photos`, "x", {
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(16 * MB),
      });
    // No session yet: the size is refused before the session is looked at.
    const anonymous = await uploadPhoto(oversized(), { params: Promise.resolve({ id }) });
    expect(anonymous.status).toBe(413);
    expect(await anonymous.json()).toMatchObject({
      message: "Ukuran file foto terlalu besar (maks. 15 MB).",
      fieldErrors: { file: ["Ukuran file foto terlalu besar (maks. 15 MB)."] },
    });
    signInAs(admin);
    cookieJar().set("locale", "en");
    const english = await uploadPhoto(oversized(), { params: Promise.resolve({ id }) });
    expect(english.status).toBe(413);
    expect((await english.json()).message).toBe("The photo file is too large (15 MB at most).");
  });

  it("cuts off a streamed upload without a length once it passes the limit", async () => {
    const tenant = await makeTenant();
    const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
    signInAs(admin);
    const id = "00000000-0000-4000-8000-000000000000";
    const body = streamedBody(40 * MB);
    const response = await uploadPhoto(
      post(`http://localhost/api/dashboard/vehicles/${id}/photos`, body.stream, {
        "content-type": "multipart/form-data; boundary=x",
      }),
      { params: Promise.resolve({ id }) },
    );
    expect(response.status).toBe(413);
    expect(body.pulled()).toBeLessThan(17 * MB);
  });

  it("refuses a JSON body over 1 MB on a route without uploads, in the user's language", async () => {
    const admin = await makeUser({ role: "super_admin" });
    signInAs(admin);
    const body = streamedBody(3 * MB);
    const response = await createShowroom(
      post("http://localhost/api/admin/showrooms", body.stream, { "content-type": "application/json" }),
    );
    // The super admin has no second factor here: the route refuses before reading any of the body.
    expect(response.status).toBe(403);
    expect(body.pulled()).toBeLessThan(2 * MB);
    const declared = await createShowroom(
      post("http://localhost/api/admin/showrooms", "{}", {
        "content-type": "application/json",
        "content-length": String(2 * MB),
      }),
    );
    expect(declared.status).toBe(413);
    expect((await declared.json()).message).toBe("Data yang dikirim terlalu besar (maks. 1 MB).");
  });
});
