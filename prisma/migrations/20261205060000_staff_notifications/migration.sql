-- Staff notifications (issue 13, deliverables 3 and 4): the bell's read state, the channels each
-- staff member chose per notification type, the showroom's time zone and handoff escalation, and
-- follow-up reminders. Written by hand; schema.prisma says the same.

-- Each staff member's channels per notification type: { "buyer.waiting": ["dashboard", "whatsapp"], ... }.
-- A type that is absent takes its default (lib/notifications/types.ts).
ALTER TABLE "users" ADD COLUMN "notification_preferences" JSONB NOT NULL DEFAULT '{}';

-- A notification for the showroom's managers (user_id NULL) is read per manager: who read it.
-- A service that may run twice (a retried event) writes each person's row once per dedupe key.
ALTER TABLE "notifications" ADD COLUMN "read_by" UUID[] DEFAULT ARRAY[]::UUID[],
ADD COLUMN "dedupe_key" TEXT;
CREATE UNIQUE INDEX "notifications_tenant_id_user_id_dedupe_key_key" ON "notifications"("tenant_id", "user_id", "dedupe_key");

-- Opening hours are read in the showroom's own time zone: WIB, WITA or WIT.
ALTER TABLE "tenants" ADD COLUMN "time_zone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
ADD COLUMN "handoff_escalation_minutes" INTEGER NOT NULL DEFAULT 10;
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_time_zone_indonesian"
  CHECK ("time_zone" IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_handoff_escalation_minutes_range"
  CHECK ("handoff_escalation_minutes" BETWEEN 0 AND 1440);

-- A follow-up reminds its assignee once per date: reminded when follow_up_reminded_at >= follow_up_at.
ALTER TABLE "leads" ADD COLUMN "follow_up_reminded_at" TIMESTAMPTZ(3);
CREATE INDEX "leads_follow_up_at_idx" ON "leads"("follow_up_at");

-- The follow-up schedule runs once for every showroom: which showrooms have a follow-up due now
-- (within the last day, not yet reminded, lead still open). Ids only; the reminders themselves
-- are written inside each showroom's own tenant transaction.
CREATE FUNCTION "app_tenants_with_due_follow_ups"()
RETURNS TABLE ("tenant_id" uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  RETURN QUERY
  SELECT DISTINCT l."tenant_id" FROM "leads" l
    WHERE l."follow_up_at" <= now() AND l."follow_up_at" > now() - interval '1 day'
      AND (l."follow_up_reminded_at" IS NULL OR l."follow_up_reminded_at" < l."follow_up_at")
      AND l."status" IN ('new', 'contacted', 'negotiating');
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

REVOKE ALL ON FUNCTION "app_tenants_with_due_follow_ups"() FROM PUBLIC;
