// A buyer's WhatsApp text message stored the way ingest stores it, with the assistant turn it needs
// handed back instead of queued, so a test can run the turn itself; and the events a domain queued.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import { queueSchema } from "@/lib/core/queue/queue";
import { storeInbound, type TurnRequest } from "@/lib/whatsapp/inbound";
import { InboundMessage } from "@/lib/whatsapp/webhook-schema";

export async function storeBuyerMessage(
  tenant: { id: string; slug: string },
  options: { waId: string; body: string; name?: string },
) {
  const message = InboundMessage.parse({
    from: options.waId,
    id: `wamid.${randomUUID()}`,
    timestamp: String(Math.floor(Date.now() / 1000)),
    type: "text",
    text: { body: options.body },
  });
  const turns: TurnRequest[] = [];
  const stored = await withTenant(tenant.id, (tx) =>
    storeInbound(tx, {
      tenant: { id: tenant.id, slug: tenant.slug, status: "active" },
      contact: { waId: options.waId, name: options.name ?? "Pembeli" },
      message,
      now: new Date(),
      queueTurn: async (_tx, turn) => {
        turns.push(turn);
      },
    }),
  );
  return { stored, turn: turns[0] };
}

/** How many jobs of an event (by its name, e.g. "lead-created") carry `value` in payload field `field`. */
export async function queuedEvents(event: string, field: string, value: string): Promise<number> {
  const rows = await db().$queryRawUnsafe<{ count: bigint }[]>(
    `SELECT count(*) AS count FROM ${queueSchema()}._private_jobs job JOIN ${queueSchema()}._private_tasks task ON task.id = job.task_id
     WHERE task.identifier = $1 AND job.payload->>$2 = $3`,
    `event:${event}`,
    field,
    value,
  );
  return Number(rows[0]?.count ?? 0n);
}
