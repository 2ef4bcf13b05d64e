-- Connecting a showroom's WhatsApp number: what Meta reported about it and how the connection is
-- doing (one row per showroom; the number id and the encrypted token stay on tenants), and the
-- platform settings the running app reads (/admin/settings, over the environment).

-- CreateTable
CREATE TABLE "wa_connections" (
    "tenant_id" UUID NOT NULL,
    "waba_id" TEXT,
    "display_phone_number" TEXT,
    "verified_name" TEXT,
    "quality_rating" TEXT,
    "messaging_limit_tier" TEXT,
    "checked_at" TIMESTAMPTZ(3),
    "token_rejected_at" TIMESTAMPTZ(3),
    "last_webhook_at" TIMESTAMPTZ(3),
    "connected_at" TIMESTAMPTZ(3),
    "connected_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "wa_connections_pkey" PRIMARY KEY ("tenant_id")
);

-- AddForeignKey
ALTER TABLE "wa_connections" ADD CONSTRAINT "wa_connections_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The one tenant policy (see 20261126010000_rls_index_friendly), platform-wide only through the
-- platform gate (20261205050000_platform_gate).
ALTER TABLE "wa_connections" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "wa_connections" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_access" ON "wa_connections"
  USING ("tenant_id" = ANY (CASE WHEN (SELECT public.app_platform_active())
                                 THEN (SELECT array_agg(x."id") FROM "tenants" x)
                                 ELSE ARRAY[NULLIF(current_setting('app.tenant_id', true), '')::uuid] END))
  WITH CHECK ("tenant_id" = ANY (CASE WHEN (SELECT public.app_platform_active())
                                 THEN (SELECT array_agg(x."id") FROM "tenants" x)
                                 ELSE ARRAY[NULLIF(current_setting('app.tenant_id', true), '')::uuid] END));

-- The running app (webhook, Graph client, assistant) reads the WhatsApp and AI platform settings
-- without a super admin: only those two groups, read-only, secrets still sealed (the app opens
-- them with its own key). Writing stays on the audited platform path.
CREATE FUNCTION "app_runtime_platform_settings"()
RETURNS TABLE ("key" text, "value" jsonb, "secret_enc" text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  RETURN QUERY
  SELECT s."key", s."value", s."secret_enc" FROM "platform_settings" s WHERE s."key" IN ('ai', 'whatsapp');
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

REVOKE ALL ON FUNCTION "app_runtime_platform_settings"() FROM PUBLIC;
