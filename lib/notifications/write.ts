// Writes dashboard notifications for named people, once per person and dedupe key: a service that
// reacts to an event may run twice (a retried event), and the second run must add nothing.
import "server-only";
import type { Tx } from "@/lib/core/db/client";

export interface NotificationDraft {
  tenantId: string;
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  /** Unique per person: the same fact twice is one notification. */
  dedupeKey: string;
}

/** Returns how many were new. */
export async function writeNotifications(
  tx: Tx,
  userIds: readonly string[],
  draft: NotificationDraft,
): Promise<number> {
  if (userIds.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: userIds.map((userId) => ({
      tenantId: draft.tenantId,
      userId,
      kind: draft.kind,
      title: draft.title.slice(0, 300),
      body: draft.body?.slice(0, 1000) ?? null,
      link: draft.link ?? null,
      dedupeKey: draft.dedupeKey,
    })),
    // ON CONFLICT DO NOTHING on the (tenant, user, dedupe key) unique index.
    skipDuplicates: true,
  });
  return count;
}
