// What each queued job does. Workers run these inside the web process (RUN_WORKERS=true) or in
// their own process (`npm run worker`); the jobs themselves live in PostgreSQL either way.
import "server-only";

import type { TaskList } from "graphile-worker";
import { z } from "zod";
import { runAssistantTurn } from "@/lib/assistant/engine";
import { afterStaffTurn } from "@/lib/assistant/staff";
import { withTenant } from "@/lib/core/db/tenant";
import { processLateStatus, processWebhookEvent, TASKS } from "@/lib/whatsapp/ingest";
import { fetchInboundMedia } from "@/lib/whatsapp/media";
import { sendOutboxItem } from "@/lib/whatsapp/outbox";
import { MessageStatus } from "@/lib/whatsapp/webhook-schema";

const EventJob = z.object({ eventId: z.uuid() });
const StatusJob = z.object({ tenantId: z.uuid(), status: MessageStatus });
const SendJob = z.object({ tenantId: z.uuid(), outboxId: z.uuid() });
const MediaJob = z.object({
  tenantId: z.uuid(),
  messageId: z.uuid(),
  reference: z.object({
    mediaId: z.string().min(1),
    sha256: z.string().optional(),
    mimeType: z.string().optional(),
    kind: z.enum(["image", "document"]),
  }),
});
const TurnJob = z.object({ tenantId: z.uuid(), conversationId: z.uuid(), messageId: z.uuid() });

export const taskList: TaskList = {
  [TASKS.event]: async (payload) => {
    await processWebhookEvent(EventJob.parse(payload).eventId);
  },
  [TASKS.status]: async (payload) => {
    const job = StatusJob.parse(payload);
    await processLateStatus(job.tenantId, job.status);
  },
  [TASKS.send]: async (payload) => {
    const job = SendJob.parse(payload);
    await sendOutboxItem(job.tenantId, job.outboxId);
  },
  [TASKS.media]: async (payload) => {
    await fetchInboundMedia(MediaJob.parse(payload));
  },
  [TASKS.turn]: async (payload) => {
    const job = TurnJob.parse(payload);
    const result = await withTenant(job.tenantId, (tx) => runAssistantTurn(tx, job), { timeout: 60_000 });
    // A staff command changed stock: the catalog is refreshed now that the change has committed.
    if (result?.staff) await afterStaffTurn(result.staff);
  },
};
