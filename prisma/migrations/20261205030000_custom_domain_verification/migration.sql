-- Custom domains are served only once their owner has proven control of them: a TXT record
-- `_autolumiku.<domain>` carrying the claim's own token (lib/settings/domain-check.ts). A claim is
-- one row per showroom and domain; several showrooms may claim one domain (so a squatter cannot
-- block its real owner), but only one can hold it verified: `verified_domain` is set exactly while
-- the row is verified, and is unique across the platform (row-level security does not hide a
-- unique index). Domains added before this migration were never proven, so they start pending
-- and stop serving until verified.
CREATE TYPE "domain_status" AS ENUM ('pending', 'verified', 'failed');
CREATE TYPE "domain_check_problem" AS ENUM ('no_record', 'wrong_token', 'dns_error', 'taken');

ALTER TABLE "tenant_domains"
  ADD COLUMN "status" "domain_status" NOT NULL DEFAULT 'pending',
  ADD COLUMN "verified_domain" TEXT,
  ADD COLUMN "token" TEXT NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', ''),
  ADD COLUMN "verified_at" TIMESTAMPTZ(3),
  ADD COLUMN "last_checked_at" TIMESTAMPTZ(3),
  ADD COLUMN "last_problem" "domain_check_problem",
  ADD COLUMN "failing_since" TIMESTAMPTZ(3),
  ADD COLUMN "check_requested_at" TIMESTAMPTZ(3),
  ADD COLUMN "next_check_at" TIMESTAMPTZ(3);

ALTER TABLE "tenant_domains" ADD CONSTRAINT "tenant_domains_verified_domain"
  CHECK (("status" = 'verified') = ("verified_domain" IS NOT NULL) AND ("verified_domain" IS NULL OR "verified_domain" = "domain"));

DROP INDEX "tenant_domains_domain_key";
CREATE UNIQUE INDEX "tenant_domains_tenant_id_domain_key" ON "tenant_domains"("tenant_id", "domain");
CREATE UNIQUE INDEX "tenant_domains_verified_domain_key" ON "tenant_domains"("verified_domain");

-- Host -> showroom for the catalog: a custom domain routes only while it is verified.
CREATE OR REPLACE FUNCTION "app_find_tenant"(p_slug text, p_domain text)
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
       OR (p_domain IS NOT NULL AND t."id" = (SELECT d."tenant_id" FROM "tenant_domains" d WHERE d."verified_domain" = lower(p_domain)))
    LIMIT 1;
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

-- The hourly re-check (lib/settings/jobs/recheck-custom-domains.ts): which claims to look at, and
-- in which showroom, before any tenant is known. Verified domains (is the record still there?) and
-- claims touched in the last week (has the record appeared?); ids only.
CREATE FUNCTION "app_custom_domains_to_recheck"()
RETURNS TABLE ("id" uuid, "tenant_id" uuid)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  RETURN QUERY
  SELECT d."id", d."tenant_id" FROM "tenant_domains" d
    WHERE d."status" = 'verified'
       OR greatest(d."created_at", d."check_requested_at") > now() - interval '7 days'
    ORDER BY d."last_checked_at" NULLS FIRST;
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

REVOKE ALL ON FUNCTION "app_find_tenant"(text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_custom_domains_to_recheck"() FROM PUBLIC;
