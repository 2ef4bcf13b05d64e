-- Data model v1. DDL generated from prisma/schema.prisma (prisma migrate diff); the row-level
-- security and the narrow cross-tenant functions at the end are written by hand.

-- CreateEnum
CREATE TYPE "tenant_status" AS ENUM ('active', 'suspended');

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('super_admin', 'owner', 'admin', 'sales');

-- CreateEnum
CREATE TYPE "vehicle_status" AS ENUM ('draft', 'available', 'booked', 'sold');

-- CreateEnum
CREATE TYPE "transmission" AS ENUM ('manual', 'automatic');

-- CreateEnum
CREATE TYPE "fuel" AS ENUM ('petrol', 'diesel', 'hybrid', 'electric');

-- CreateEnum
CREATE TYPE "body_type" AS ENUM ('mpv', 'suv', 'hatchback', 'sedan', 'pickup', 'lcgc', 'van', 'coupe', 'wagon', 'convertible');

-- CreateEnum
CREATE TYPE "plate_parity" AS ENUM ('odd', 'even');

-- CreateEnum
CREATE TYPE "vehicle_event_type" AS ENUM ('created', 'status_changed', 'price_changed');

-- CreateEnum
CREATE TYPE "lead_source" AS ENUM ('web', 'whatsapp', 'walk_in', 'phone');

-- CreateEnum
CREATE TYPE "lead_status" AS ENUM ('new', 'contacted', 'negotiating', 'won', 'lost');

-- CreateTable
CREATE TABLE "tenants" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "tenant_status" NOT NULL DEFAULT 'active',
    "theme" JSONB NOT NULL DEFAULT '{}',
    "tagline" TEXT,
    "phone" TEXT,
    "whatsapp_number" TEXT,
    "email" TEXT,
    "address" TEXT,
    "city" TEXT,
    "province" TEXT,
    "map_url" TEXT,
    "opening_hours" JSONB NOT NULL DEFAULT '[]',
    "credit_rate_bps" INTEGER NOT NULL DEFAULT 650,
    "credit_min_down_pct" INTEGER NOT NULL DEFAULT 20,
    "credit_tenors_months" INTEGER[] DEFAULT ARRAY[12, 24, 36, 48, 60]::INTEGER[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tenant_domains" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_domains_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "whatsapp_number" TEXT,
    "role" "user_role" NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vehicles" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "stock_code" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "brand" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "variant" TEXT,
    "year" INTEGER NOT NULL,
    "transmission" "transmission" NOT NULL,
    "fuel" "fuel" NOT NULL DEFAULT 'petrol',
    "engine_cc" INTEGER,
    "mileage_km" INTEGER NOT NULL,
    "color" TEXT,
    "body_type" "body_type",
    "seats" INTEGER,
    "price" BIGINT NOT NULL,
    "negotiable" BOOLEAN NOT NULL DEFAULT true,
    "plate_number" TEXT,
    "plate_region" TEXT,
    "plate_parity" "plate_parity",
    "tax_valid_until" DATE,
    "stnk_valid_until" DATE,
    "previous_owners" INTEGER,
    "city" TEXT,
    "status" "vehicle_status" NOT NULL DEFAULT 'available',
    "featured" BOOLEAN NOT NULL DEFAULT false,
    "description_id" TEXT,
    "description_en" TEXT,
    "features" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "in_stock_since" DATE NOT NULL DEFAULT CURRENT_DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vehicles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vehicle_photos" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "vehicle_id" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "is_main" BOOLEAN NOT NULL DEFAULT false,
    "storage_key" TEXT NOT NULL,
    "variants" JSONB NOT NULL DEFAULT '[]',
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "blur_data_url" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vehicle_photos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vehicle_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "vehicle_id" UUID NOT NULL,
    "type" "vehicle_event_type" NOT NULL,
    "from_status" "vehicle_status",
    "to_status" "vehicle_status",
    "from_price" BIGINT,
    "to_price" BIGINT,
    "actor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vehicle_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leads" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "source" "lead_source" NOT NULL,
    "vehicle_id" UUID,
    "status" "lead_status" NOT NULL DEFAULT 'new',
    "assignee_id" UUID,
    "budget" BIGINT,
    "message" TEXT,
    "notes" TEXT,
    "follow_up_at" TIMESTAMPTZ(3),
    "first_response_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "leads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID,
    "actor_id" UUID,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "tenant_domains_domain_key" ON "tenant_domains"("domain");

-- CreateIndex
CREATE INDEX "tenant_domains_tenant_id_idx" ON "tenant_domains"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_tenant_id_idx" ON "users"("tenant_id");

-- CreateIndex
CREATE INDEX "vehicles_tenant_id_status_created_at_idx" ON "vehicles"("tenant_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "vehicles_tenant_id_brand_model_idx" ON "vehicles"("tenant_id", "brand", "model");

-- CreateIndex
CREATE UNIQUE INDEX "vehicles_tenant_id_id_key" ON "vehicles"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "vehicles_tenant_id_stock_code_key" ON "vehicles"("tenant_id", "stock_code");

-- CreateIndex
CREATE UNIQUE INDEX "vehicles_tenant_id_slug_key" ON "vehicles"("tenant_id", "slug");

-- CreateIndex
CREATE INDEX "vehicle_photos_tenant_id_vehicle_id_position_idx" ON "vehicle_photos"("tenant_id", "vehicle_id", "position");

-- CreateIndex
CREATE INDEX "vehicle_events_tenant_id_vehicle_id_created_at_idx" ON "vehicle_events"("tenant_id", "vehicle_id", "created_at");

-- CreateIndex
CREATE INDEX "leads_tenant_id_status_created_at_idx" ON "leads"("tenant_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "leads_tenant_id_assignee_id_idx" ON "leads"("tenant_id", "assignee_id");

-- CreateIndex
CREATE INDEX "audit_logs_tenant_id_created_at_idx" ON "audit_logs"("tenant_id", "created_at");

-- AddForeignKey
ALTER TABLE "tenant_domains" ADD CONSTRAINT "tenant_domains_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vehicle_photos" ADD CONSTRAINT "vehicle_photos_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vehicle_photos" ADD CONSTRAINT "vehicle_photos_tenant_id_vehicle_id_fkey" FOREIGN KEY ("tenant_id", "vehicle_id") REFERENCES "vehicles"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vehicle_events" ADD CONSTRAINT "vehicle_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vehicle_events" ADD CONSTRAINT "vehicle_events_tenant_id_vehicle_id_fkey" FOREIGN KEY ("tenant_id", "vehicle_id") REFERENCES "vehicles"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leads" ADD CONSTRAINT "leads_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leads" ADD CONSTRAINT "leads_vehicle_id_fkey" FOREIGN KEY ("vehicle_id") REFERENCES "vehicles"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leads" ADD CONSTRAINT "leads_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------
-- Hand-written: invariants Prisma cannot express
-- ---------------------------------------------------------------------------------------------
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_matches_role"
  CHECK (("role" = 'super_admin') = ("tenant_id" IS NULL));
ALTER TABLE "users" ADD CONSTRAINT "users_email_lower_case" CHECK ("email" = lower("email"));
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_price_positive" CHECK ("price" > 0);
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_year_sane" CHECK ("year" BETWEEN 1950 AND 2100);
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_mileage_sane" CHECK ("mileage_km" >= 0);
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_slug_format" CHECK ("slug" ~ '^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$');
ALTER TABLE "tenant_domains" ADD CONSTRAINT "tenant_domains_lower_case" CHECK ("domain" = lower("domain"));

-- ---------------------------------------------------------------------------------------------
-- Row-level security. The app role sees a showroom's rows only inside withTenant (app.tenant_id
-- set transaction-locally) or inside the audited platform path (app.platform_admin = 'on').
-- With neither set, every query returns nothing and every write is refused.
-- ---------------------------------------------------------------------------------------------
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "tenants" FORCE ROW LEVEL SECURITY;
CREATE POLICY "tenant_isolation" ON "tenants"
  USING ("id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY "platform_access" ON "tenants"
  USING (current_setting('app.platform_admin', true) = 'on')
  WITH CHECK (current_setting('app.platform_admin', true) = 'on');

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_domains', 'users', 'vehicles', 'vehicle_photos', 'vehicle_events', 'leads', 'audit_logs'] LOOP
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

-- ---------------------------------------------------------------------------------------------
-- Narrow lookups that must work before a tenant is known. Each runs as the owner, raises the
-- platform flag for its own query only (restoring the caller's value before returning) and
-- returns just the columns its caller needs.
-- ---------------------------------------------------------------------------------------------

-- Host or path -> showroom, for the catalog (by slug or by custom domain).
CREATE FUNCTION "app_find_tenant"(p_slug text, p_domain text)
RETURNS TABLE ("id" uuid, "slug" text, "status" "tenant_status")
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  RETURN QUERY
  SELECT t."id", t."slug", t."status" FROM "tenants" t
    WHERE (p_slug IS NOT NULL AND t."slug" = lower(p_slug))
       OR (p_domain IS NOT NULL AND t."id" = (SELECT d."tenant_id" FROM "tenant_domains" d WHERE d."domain" = lower(p_domain)))
    LIMIT 1;
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

-- Sign-in: the account behind an e-mail address, with what is needed to decide on the attempt.
CREATE FUNCTION "app_auth_user"(p_email text)
RETURNS TABLE ("id" uuid, "tenant_id" uuid, "email" text, "name" text, "password_hash" text, "role" "user_role",
               "is_active" boolean, "failed_login_count" integer, "locked_until" timestamptz, "tenant_status" "tenant_status", "tenant_slug" text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  RETURN QUERY
  SELECT u."id", u."tenant_id", u."email", u."name", u."password_hash", u."role", u."is_active",
           u."failed_login_count", u."locked_until", t."status", t."slug"
    FROM "users" u LEFT JOIN "tenants" t ON t."id" = u."tenant_id"
    WHERE u."email" = lower(p_email);
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

-- Sign-in outcome: reset the counter on success; count the failure and lock after too many.
CREATE FUNCTION "app_record_login"(p_user_id uuid, p_success boolean, p_max_failures integer, p_lock_seconds integer)
RETURNS TABLE ("failed_login_count" integer, "locked_until" timestamptz)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  RETURN QUERY
  UPDATE "users" u SET
      "failed_login_count" = CASE WHEN p_success THEN 0 ELSE u."failed_login_count" + 1 END,
      "locked_until" = CASE
        WHEN p_success THEN NULL
        WHEN u."failed_login_count" + 1 >= p_max_failures THEN now() + make_interval(secs => p_lock_seconds)
        ELSE u."locked_until" END,
      "last_login_at" = CASE WHEN p_success THEN now() ELSE u."last_login_at" END
    WHERE u."id" = p_user_id
    RETURNING u."failed_login_count", u."locked_until";
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

-- Every request re-reads the signed-in account, so deactivation and suspension apply at once.
CREATE FUNCTION "app_session_user"(p_user_id uuid)
RETURNS TABLE ("id" uuid, "tenant_id" uuid, "email" text, "name" text, "role" "user_role", "is_active" boolean,
               "tenant_status" "tenant_status", "tenant_slug" text, "tenant_name" text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  RETURN QUERY
  SELECT u."id", u."tenant_id", u."email", u."name", u."role", u."is_active", t."status", t."slug", t."name"
    FROM "users" u LEFT JOIN "tenants" t ON t."id" = u."tenant_id"
    WHERE u."id" = p_user_id;
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

REVOKE ALL ON FUNCTION "app_find_tenant"(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_auth_user"(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_record_login"(uuid, boolean, integer, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_session_user"(uuid) FROM PUBLIC;
