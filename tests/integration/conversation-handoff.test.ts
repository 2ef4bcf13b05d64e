// The one handoff (lib/whatsapp/handoff.ts), used by the local engine, the LLM's handoff tool and the
// inbox: a buyer asking for a person goes to human mode with the conversation's existing assignee
// kept, one notification, one audit row and one buyerWaiting event; a second request changes nothing.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runAssistantTurn } from "@/lib/assistant/turn";
import { db } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { queueSchema } from "@/lib/core/queue/queue";
import { storeInbound, type TurnRequest } from "@/lib/whatsapp/inbound";
import { InboundMessage } from "@/lib/whatsapp/webhook-schema";
import { makeTenant, makeUser } from "../support/factories";

async function buyerAsks(tenant: { id: string; slug: string }, waId: string, body: string) {
  const message = InboundMessage.parse({
    from: waId,
    id: `wamid.${randomUUID()}`,
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: "text",
    text: { body },
  });
  const turns: TurnRequest[] = [];
  const stored = await withTenant(tenant.id, (tx) =>
    storeInbound(tx, {
      tenant: { id: tenant.id, slug: tenant.slug, status: "active" },
      contact: { waId, name: "Budi" },
      message,
      now: new Date(),
      queueTurn: async (_tx, turn) => {
        turns.push(turn);
      },
    }),
  );
  const turn = turns[0];
  if (turn) await withTenant(tenant.id, (tx) => runAssistantTurn(tx, turn));
  return stored.conversationId ?? "";
}

async function buyerWaitingEvents(conversationId: string): Promise<number> {
  const rows = await db().$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(*) AS count FROM ${queueSchema()}._private_jobs job JOIN ${queueSchema()}._private_tasks task ON task.id = job.task_id
     WHERE task.identifier = 'event:buyer-waiting' AND job.payload->>'conversationId' = $1`,
    conversationId,
  );
  return Number(rows[0]?.count ?? 0n);
}

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
