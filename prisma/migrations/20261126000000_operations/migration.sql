-- Dashboard, WhatsApp channel, assistant and platform operations: views, lead notes,
-- notifications, raw webhook events, contacts, conversations, messages, outbox, LLM calls,
-- platform settings; plan limits, WhatsApp routing and 2FA columns. Tables generated from
-- schema.prisma by Prisma's migrate diff; row-level security and functions written by hand.

-- CreateEnum
CREATE TYPE "conversation_mode" AS ENUM ('assistant', 'human');

-- CreateEnum
CREATE TYPE "message_direction" AS ENUM ('inbound', 'outbound');

-- CreateEnum
CREATE TYPE "message_sender" AS ENUM ('contact', 'assistant', 'staff', 'system');

-- CreateEnum
CREATE TYPE "message_status" AS ENUM ('received', 'queued', 'sent', 'delivered', 'read', 'failed');

-- CreateEnum
CREATE TYPE "outbox_status" AS ENUM ('pending', 'sending', 'sent', 'failed', 'unknown');

-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "ai_monthly_budget_micro_usd" BIGINT NOT NULL DEFAULT 20000000,
ADD COLUMN     "ai_provider" TEXT,
ADD COLUMN     "ai_rate_per_minute" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "assistant_enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "max_staff" INTEGER NOT NULL DEFAULT 25,
ADD COLUMN     "max_vehicles" INTEGER NOT NULL DEFAULT 1000,
ADD COLUMN     "whatsapp_access_token_enc" TEXT,
ADD COLUMN     "whatsapp_phone_number_id" TEXT,
ADD COLUMN     "whatsapp_templates" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "last_assigned_at" TIMESTAMPTZ(3),
ADD COLUMN     "must_change_password" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "recovery_code_hashes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "totp_enabled_at" TIMESTAMPTZ(3),
ADD COLUMN     "totp_failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "totp_last_step" INTEGER,
ADD COLUMN     "totp_secret_enc" TEXT;

-- CreateTable
CREATE TABLE "vehicle_views" (
    "tenant_id" UUID NOT NULL,
    "vehicle_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "vehicle_views_pkey" PRIMARY KEY ("tenant_id","vehicle_id","day")
);

-- CreateTable
CREATE TABLE "lead_notes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "lead_id" UUID NOT NULL,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lead_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "user_id" UUID,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT,
    "link" TEXT,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "body" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,

    CONSTRAINT "webhook_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wa_contacts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "wa_id" TEXT,
    "wa_user_id" TEXT,
    "name" TEXT,
    "last_inbound_at" TIMESTAMPTZ(3),
    "window_closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wa_contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wa_conversations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "contact_id" UUID NOT NULL,
    "mode" "conversation_mode" NOT NULL DEFAULT 'assistant',
    "assignee_id" UUID,
    "lead_id" UUID,
    "unread_count" INTEGER NOT NULL DEFAULT 0,
    "last_message_at" TIMESTAMPTZ(3),
    "last_message_preview" TEXT,
    "assistant_state" JSONB NOT NULL DEFAULT '{}',
    "handed_off_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wa_conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wa_messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "direction" "message_direction" NOT NULL,
    "sender" "message_sender" NOT NULL,
    "author_id" UUID,
    "wamid" TEXT,
    "type" TEXT NOT NULL,
    "body" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "media_key" TEXT,
    "status" "message_status" NOT NULL,
    "error_code" INTEGER,
    "error_title" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wa_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wa_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "conversation_id" UUID NOT NULL,
    "message_id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "request" JSONB NOT NULL,
    "status" "outbox_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error_code" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wa_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_calls" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'chat',
    "input_tokens" INTEGER NOT NULL DEFAULT 0,
    "output_tokens" INTEGER NOT NULL DEFAULT 0,
    "cost_micro_usd" BIGINT NOT NULL DEFAULT 0,
    "latency_ms" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "llm_calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "platform_settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL DEFAULT '{}',
    "secret_enc" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,

    CONSTRAINT "platform_settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "vehicle_views_tenant_id_day_idx" ON "vehicle_views"("tenant_id", "day");

-- CreateIndex
CREATE INDEX "lead_notes_tenant_id_lead_id_created_at_idx" ON "lead_notes"("tenant_id", "lead_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_tenant_id_user_id_created_at_idx" ON "notifications"("tenant_id", "user_id", "created_at");

-- CreateIndex
CREATE INDEX "webhook_events_processed_at_received_at_idx" ON "webhook_events"("processed_at", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "wa_contacts_tenant_id_wa_id_key" ON "wa_contacts"("tenant_id", "wa_id");

-- CreateIndex
CREATE UNIQUE INDEX "wa_contacts_tenant_id_wa_user_id_key" ON "wa_contacts"("tenant_id", "wa_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "wa_conversations_contact_id_key" ON "wa_conversations"("contact_id");

-- CreateIndex
CREATE INDEX "wa_conversations_tenant_id_last_message_at_idx" ON "wa_conversations"("tenant_id", "last_message_at");

-- CreateIndex
CREATE INDEX "wa_messages_tenant_id_conversation_id_created_at_idx" ON "wa_messages"("tenant_id", "conversation_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "wa_messages_tenant_id_wamid_key" ON "wa_messages"("tenant_id", "wamid");

-- CreateIndex
CREATE UNIQUE INDEX "wa_outbox_message_id_key" ON "wa_outbox"("message_id");

-- CreateIndex
CREATE INDEX "wa_outbox_status_next_attempt_at_idx" ON "wa_outbox"("status", "next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "wa_outbox_tenant_id_idempotency_key_key" ON "wa_outbox"("tenant_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "llm_calls_tenant_id_created_at_idx" ON "llm_calls"("tenant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "tenants_whatsapp_phone_number_id_key" ON "tenants"("whatsapp_phone_number_id");

-- CreateIndex
CREATE INDEX "leads_tenant_id_phone_idx" ON "leads"("tenant_id", "phone");

-- AddForeignKey
ALTER TABLE "vehicle_views" ADD CONSTRAINT "vehicle_views_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vehicle_views" ADD CONSTRAINT "vehicle_views_tenant_id_vehicle_id_fkey" FOREIGN KEY ("tenant_id", "vehicle_id") REFERENCES "vehicles"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_notes" ADD CONSTRAINT "lead_notes_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_notes" ADD CONSTRAINT "lead_notes_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "lead_notes" ADD CONSTRAINT "lead_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wa_contacts" ADD CONSTRAINT "wa_contacts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wa_conversations" ADD CONSTRAINT "wa_conversations_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wa_conversations" ADD CONSTRAINT "wa_conversations_contact_id_fkey" FOREIGN KEY ("contact_id") REFERENCES "wa_contacts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wa_conversations" ADD CONSTRAINT "wa_conversations_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wa_conversations" ADD CONSTRAINT "wa_conversations_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "leads"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wa_messages" ADD CONSTRAINT "wa_messages_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wa_messages" ADD CONSTRAINT "wa_messages_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "wa_conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wa_outbox" ADD CONSTRAINT "wa_outbox_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wa_outbox" ADD CONSTRAINT "wa_outbox_conversation_id_fkey" FOREIGN KEY ("conversation_id") REFERENCES "wa_conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wa_outbox" ADD CONSTRAINT "wa_outbox_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "wa_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "llm_calls" ADD CONSTRAINT "llm_calls_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------
-- Constraints Prisma cannot express
-- ---------------------------------------------------------------------------------------------
ALTER TABLE "wa_contacts" ADD CONSTRAINT "wa_contacts_has_key" CHECK ("wa_id" IS NOT NULL OR "wa_user_id" IS NOT NULL);
ALTER TABLE "vehicle_views" ADD CONSTRAINT "vehicle_views_count_positive" CHECK ("count" >= 0);
ALTER TABLE "llm_calls" ADD CONSTRAINT "llm_calls_cost_positive" CHECK ("cost_micro_usd" >= 0);
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_ai_provider_known" CHECK ("ai_provider" IS NULL OR "ai_provider" IN ('local', 'anthropic', 'openai'));
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_limits_positive" CHECK ("max_vehicles" >= 0 AND "max_staff" >= 0 AND "ai_monthly_budget_micro_usd" >= 0 AND "ai_rate_per_minute" >= 0);

-- ---------------------------------------------------------------------------------------------
-- Row-level security for the new showroom tables: the same two policies as every tenant table.
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['vehicle_views', 'lead_notes', 'notifications', 'wa_contacts', 'wa_conversations', 'wa_messages', 'wa_outbox', 'llm_calls'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY "tenant_isolation" ON %I
      USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    EXECUTE format($p$CREATE POLICY "platform_access" ON %I
      USING (current_setting('app.platform_admin', true) = 'on')
      WITH CHECK (current_setting('app.platform_admin', true) = 'on')$p$, t);
  END LOOP;
END $$;

-- Platform-level tables. Platform settings: the audited platform path only. Raw webhook events
-- arrive before any showroom is known: the app reaches them only through the functions below
-- (store, claim, finish) and the platform path (health, replays).
ALTER TABLE "platform_settings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "platform_settings" FORCE ROW LEVEL SECURITY;
CREATE POLICY "platform_access" ON "platform_settings"
  USING (current_setting('app.platform_admin', true) = 'on')
  WITH CHECK (current_setting('app.platform_admin', true) = 'on');
ALTER TABLE "webhook_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "webhook_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "platform_access" ON "webhook_events"
  USING (current_setting('app.platform_admin', true) = 'on')
  WITH CHECK (current_setting('app.platform_admin', true) = 'on');

-- Webhook POST: keep the raw body, nothing else, and return its id for the queue.
CREATE FUNCTION "app_store_webhook_event"(p_body text)
RETURNS uuid
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE new_id uuid;
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  INSERT INTO "webhook_events" ("body") VALUES (p_body) RETURNING "id" INTO new_id;
  PERFORM set_config('app.platform_admin', previous, true);
  RETURN new_id;
END
$$;

-- Worker: the raw body of one event, counting the attempt.
CREATE FUNCTION "app_claim_webhook_event"(p_id uuid)
RETURNS TABLE ("body" text, "attempts" integer, "processed_at" timestamptz, "received_at" timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  RETURN QUERY
  UPDATE "webhook_events" e SET "attempts" = e."attempts" + 1 WHERE e."id" = p_id
    RETURNING e."body", e."attempts", e."processed_at", e."received_at";
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

CREATE FUNCTION "app_finish_webhook_event"(p_id uuid, p_error text)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  UPDATE "webhook_events" SET
    "processed_at" = CASE WHEN p_error IS NULL THEN now() ELSE "processed_at" END,
    "last_error" = p_error
  WHERE "id" = p_id;
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

-- Routing: a WhatsApp phone_number_id -> its showroom (before any tenant is set).
CREATE FUNCTION "app_find_tenant_by_phone_number_id"(p_phone_number_id text)
RETURNS TABLE ("id" uuid, "slug" text, "status" "tenant_status")
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  RETURN QUERY
  SELECT t."id", t."slug", t."status" FROM "tenants" t WHERE t."whatsapp_phone_number_id" = p_phone_number_id LIMIT 1;
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

REVOKE ALL ON FUNCTION "app_store_webhook_event"(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_claim_webhook_event"(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_finish_webhook_event"(uuid, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_find_tenant_by_phone_number_id"(text) FROM PUBLIC;
