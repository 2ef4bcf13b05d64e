// From a stored webhook event to conversations: every entry, change, message and status is routed
// by phone_number_id to its showroom; messages are stored once (lib/whatsapp/inbound.ts) and
// statuses only move forward (lib/whatsapp/statuses.ts). The queue job that runs this is declared
// where the assistant's turn is known (lib/assistant/jobs/process-webhook-event.ts).
import "server-only";
import { db } from "@/lib/core/db/client";
import { withTenant } from "@/lib/core/db/tenant";
import type { JobDefinition } from "@/lib/core/queue/define";
import { queueSchema } from "@/lib/core/queue/queue";
import { findTenantByPhoneNumberId, noteWebhookReceived, type RoutedTenant } from "@/lib/whatsapp/accounts";
import { type QueueTurn, storeInbound } from "@/lib/whatsapp/inbound";
import { applyLateStatusJob } from "@/lib/whatsapp/jobs/apply-late-status";
import { applyStatus } from "@/lib/whatsapp/statuses";
import { InvalidWebhookBody, parseWebhookBody, type WebhookItem } from "@/lib/whatsapp/webhook-schema";

/**
 * Stores the raw body and adds its processing job in ONE statement: both happen, or neither. The
 * job is the caller's definition (its name and attempts), added with the SQL the definition's own
 * enqueue would run.
 */
export async function storeWebhookEvent(
  body: string,
  job: Pick<JobDefinition, "name">,
  maxAttempts: number,
): Promise<string> {
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(
    `WITH stored AS (SELECT app_store_webhook_event($1) AS id)
     SELECT id::text AS id, ${queueSchema()}.add_job($2::text, json_build_object('eventId', id), max_attempts => $3::int) FROM stored`,
    body,
    job.name,
    maxAttempts,
  );
  const id = rows[0]?.id;
  if (!id) throw new Error("webhook event was not stored");
  return id;
}

export interface IngestReport {
  messages: number;
  duplicates: number;
  statuses: number;
  unknownNumbers: string[];
  errors: number;
}

async function claimEvent(eventId: string): Promise<{ body: string; processed: boolean } | null> {
  const rows = await db().$queryRaw<
    { body: string; processed_at: Date | null }[]
  >`SELECT * FROM app_claim_webhook_event(${eventId}::uuid)`;
  const row = rows[0];
  return row ? { body: row.body, processed: row.processed_at !== null } : null;
}

async function finishEvent(eventId: string, error: string | null): Promise<void> {
  await db().$executeRaw`SELECT app_finish_webhook_event(${eventId}::uuid, ${error})`;
}

/**
 * Sets a signed but unreadable event aside, once (webhook_dead_letters, shown on /admin/health),
 * and marks it done: retrying cannot make a malformed body readable.
 */
async function deadLetter(eventId: string, reason: string, body: string): Promise<void> {
  await db().$queryRaw`SELECT app_dead_letter_webhook_event(${eventId}::uuid, ${reason}, ${body})`;
  console.warn(`[whatsapp] event ${eventId} set aside as a dead letter: ${reason}`);
}

/** The event's items, or why the body as a whole cannot be read. */
function readItems(body: string): { items: WebhookItem[] } | { unreadable: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { unreadable: "body is not JSON" };
  }
  try {
    return { items: parseWebhookBody(json) };
  } catch (error) {
    if (error instanceof InvalidWebhookBody) return { unreadable: error.message };
    throw error;
  }
}

/** The queue's job for one stored webhook POST. Safe to run again: everything it stores is deduplicated. */
export async function processWebhookEvent(
  eventId: string,
  options: { queueTurn: QueueTurn; now?: () => Date },
): Promise<IngestReport> {
  const report: IngestReport = { messages: 0, duplicates: 0, statuses: 0, unknownNumbers: [], errors: 0 };
  const event = await claimEvent(eventId);
  if (!event || event.processed) return report;
  const read = readItems(event.body);
  if ("unreadable" in read) {
    await deadLetter(eventId, read.unreadable, event.body);
    report.errors += 1;
    return report;
  }
  // Readable parts are processed; unreadable ones are set aside with the event once it is done.
  const unreadable: string[] = [];
  try {
    const routes = new Map<string, RoutedTenant | null>();
    const route = async (phoneNumberId: string) => {
      if (!routes.has(phoneNumberId)) {
        const found = await findTenantByPhoneNumberId(phoneNumberId);
        routes.set(phoneNumberId, found);
        // Connection health: the WhatsApp tab shows when this showroom last heard from Meta.
        if (found) await withTenant(found.id, (tx) => noteWebhookReceived(tx, found.id));
      }
      return routes.get(phoneNumberId) ?? null;
    };
    for (const item of read.items) {
      if (item.kind === "ignored") continue;
      if (item.kind === "invalid") {
        unreadable.push(item.reason);
        report.errors += 1;
        continue;
      }
      const tenant = await route(item.phoneNumberId);
      if (!tenant) {
        // Meta sends every number of the app here; one we do not serve is logged, not an error.
        if (!report.unknownNumbers.includes(item.phoneNumberId))
          report.unknownNumbers.push(item.phoneNumberId);
        console.warn(
          `[whatsapp] event ${eventId}: phone_number_id ${item.phoneNumberId} belongs to no showroom`,
        );
        continue;
      }
      if (item.kind === "error") {
        console.warn(
          `[whatsapp] ${tenant.slug}: error ${item.error.code ?? "?"} ${item.error.title ?? item.error.message ?? ""}`,
        );
        report.errors += 1;
        continue;
      }
      if (item.kind === "message") {
        const result = await withTenant(tenant.id, (tx) =>
          storeInbound(tx, {
            tenant,
            contact: item.contact,
            message: item.message,
            now: options.now?.() ?? new Date(),
            queueTurn: options.queueTurn,
          }),
        );
        if (result.stored) report.messages += 1;
        else report.duplicates += 1;
        continue;
      }
      const outcome = await withTenant(tenant.id, async (tx) => {
        const applied = await applyStatus(tx, item.status);
        // The status beat our own send call back: try again shortly, once the wamid is known.
        if (applied === "missing")
          await applyLateStatusJob.enqueueInTx(tx, { tenantId: tenant.id, status: item.status });
        return applied;
      });
      if (outcome !== "missing") report.statuses += 1;
    }
    if (unreadable.length)
      await deadLetter(eventId, `unreadable parts: ${unreadable.join(" | ")}`, event.body);
    else await finishEvent(eventId, null);
    return report;
  } catch (error) {
    await finishEvent(eventId, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
