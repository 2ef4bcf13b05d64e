// Attack: a buyer's WhatsApp photo or document fetched without a session, with another showroom's
// session, by a salesperson whose conversation it is not, or by its old public /media URL. Only
// staff of that showroom who may see the conversation get it, with a private cache header; the
// public path and public URLs refuse private keys.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { GET as mediaRoute } from "@/app/api/dashboard/inbox/media/[messageId]/route";
import { GET as publicMedia } from "@/app/media/[...key]/route";
import { withTenant } from "@/lib/core/db/tenant";
import { getStorage } from "@/lib/storage";
import { openThread } from "@/lib/whatsapp/inbox";
import { makeTenant, makeUser } from "../support/factories";
import { signInAs, signOut } from "../support/framework";

async function showroomWithBuyerPhoto() {
  const tenant = await makeTenant();
  const admin = await makeUser({ tenantId: tenant.id, role: "admin" });
  const assigned = await makeUser({ tenantId: tenant.id, role: "sales" });
  const otherSales = await makeUser({ tenantId: tenant.id, role: "sales" });
  const bytes = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: 0, g: 90, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  const { conversationId, messageId, key } = await withTenant(tenant.id, async (tx) => {
    const contact = await tx.waContact.create({
      data: { tenantId: tenant.id, waId: "6281399990001", name: "Budi" },
    });
    const conversation = await tx.waConversation.create({
      data: { tenantId: tenant.id, contactId: contact.id, assigneeId: assigned.id, mode: "human" },
    });
    const message = await tx.waMessage.create({
      data: {
        tenantId: tenant.id,
        conversationId: conversation.id,
        direction: "inbound",
        sender: "contact",
        type: "image",
        status: "received",
      },
    });
    const key = `wa/${tenant.id}/${message.id}.jpg`;
    await tx.waMessage.update({ where: { id: message.id }, data: { mediaKey: key } });
    return { conversationId: conversation.id, messageId: message.id, key };
  });
  await getStorage().put(key, bytes, { contentType: "image/jpeg" });
  return { tenant, admin, assigned, otherSales, conversationId, messageId, key, bytes };
}

const fetchMedia = (messageId: string) =>
  mediaRoute(new Request(`http://localhost/api/dashboard/inbox/media/${messageId}`), {
    params: Promise.resolve({ messageId }),
  });

describe("buyers' WhatsApp media", () => {
  it("is served to the showroom's staff who may see the conversation, privately, and to nobody else", async () => {
    const showroom = await showroomWithBuyerPhoto();
    const stranger = await makeUser({ tenantId: (await makeTenant()).id, role: "owner" });

    signOut();
    expect((await fetchMedia(showroom.messageId)).status).toBe(401);

    signInAs(stranger);
    const foreign = await fetchMedia(showroom.messageId);
    expect(foreign.status).toBe(404);
    expect(Buffer.from(await foreign.arrayBuffer()).includes(showroom.bytes.subarray(0, 64))).toBe(false);

    signInAs(showroom.otherSales);
    expect((await fetchMedia(showroom.messageId)).status).toBe(404);

    for (const user of [showroom.admin, showroom.assigned]) {
      signInAs(user);
      const response = await fetchMedia(showroom.messageId);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/jpeg");
      expect(response.headers.get("cache-control")).toBe("private, max-age=300");
      expect(Buffer.from(await response.arrayBuffer()).equals(showroom.bytes)).toBe(true);
    }
  });

  it("is never on the public /media path, and has no public URL", async () => {
    const showroom = await showroomWithBuyerPhoto();
    const response = await publicMedia(new Request(`http://localhost/media/${showroom.key}`), {
      params: Promise.resolve({ key: showroom.key.split("/") }),
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control") ?? "").not.toContain("immutable");
    expect(() => getStorage().publicUrl(showroom.key)).toThrow(/Private storage key/);
  });

  it("shows the photo in the inbox thread through the staff-only route", async () => {
    const showroom = await showroomWithBuyerPhoto();
    const thread = await withTenant(showroom.tenant.id, (tx) =>
      openThread(tx, { id: showroom.admin.id, role: "admin" }, showroom.conversationId),
    );
    expect(thread.messages.map((message) => message.imageUrl)).toEqual([
      `/api/dashboard/inbox/media/${showroom.messageId}`,
    ]);
  });
});
