import { describe, expect, it } from "vitest";
import { runAssistantTurn } from "@/lib/assistant/turn";
import { withTenant } from "@/lib/core/db/tenant";
import { queuedEvents, storeBuyerMessage } from "../support/buyer-message";
import { makeTenant, makeUser } from "../support/factories";

async function buyerAsks(tenant: { id: string; slug: string }, waId: string, body: string) {
  const { stored, turn } = await storeBuyerMessage(tenant, { waId, body, name: "Budi" });
  if (turn) await withTenant(tenant.id, (tx) => runAssistantTurn(tx, turn));
  return stored.conversationId ?? "";
}

const buyerWaitingEvents = (conversationId: string) =>
  queuedEvents("buyer-waiting", "conversationId", conversationId);

describe("handing a buyer to sales", () => {
  it("keeps the conversation's salesperson, notifies them once, audits once and states buyerWaiting once", async () => {
    const tenant = await makeTenant();
    const first = await makeUser({ tenantId: tenant.id, role: "sales" });
    const holder = await makeUser({ tenantId: tenant.id, role: "sales" });
    const waId = "6281244440001";
    const conversationId = await buyerAsks(tenant, waId, "halo");
    await withTenant(tenant.id, (tx) =>
      tx.waConversation.update({ where: { id: conversationId }, data: { assigneeId: holder.id } }),
    );

    await buyerAsks(tenant, waId, "saya mau bicara dengan sales");
    // Human mode now: the assistant takes no turn for this one.
    await buyerAsks(tenant, waId, "halo? sales?");

    const state = await withTenant(tenant.id, async (tx) => ({
      conversation: await tx.waConversation.findUniqueOrThrow({ where: { id: conversationId } }),
      notifications: await tx.notification.findMany({ where: { kind: "conversation.handoff" } }),
      audit: await tx.auditLog.findMany({ where: { entity: "conversation", entityId: conversationId } }),
    }));
    expect(state.conversation).toMatchObject({ mode: "human", assigneeId: holder.id });
    expect(state.conversation.handedOffAt).not.toBeNull();
    expect(state.notifications.map((row) => row.userId)).toEqual([holder.id]);
    expect(state.audit.map((row) => [row.action, row.actorEmail])).toEqual([
      ["conversation.handoff", "assistant:whatsapp"],
    ]);
    expect(await buyerWaitingEvents(conversationId)).toBe(1);
    expect(first.id).not.toBe(holder.id);
  });
});
