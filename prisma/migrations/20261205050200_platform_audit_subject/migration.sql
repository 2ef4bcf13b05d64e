-- The platform's own audit outlives the showrooms it is about.
--
-- A showroom's rows in audit_logs (tenant_id set) are its own log: they go when the showroom is
-- deleted, with the rest of its data. The platform's entries (tenant_id null, one per use of
-- withPlatformAccess) now name the showroom they concern in columns without a foreign key, so the
-- record that an operator exported, suspended or deleted a showroom stays, and the console's audit
-- filter still finds it by slug after the showroom is gone.

-- AlterTable
ALTER TABLE "audit_logs" ADD COLUMN     "subject_tenant_id" UUID,
ADD COLUMN     "subject_tenant_slug" TEXT;

-- CreateIndex
CREATE INDEX "audit_logs_subject_tenant_slug_created_at_idx" ON "audit_logs"("subject_tenant_slug", "created_at");

-- Only the platform's entries name a subject showroom; a showroom's own entries have tenant_id.
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_subject_only_on_platform_entries"
  CHECK ("tenant_id" IS NULL OR ("subject_tenant_id" IS NULL AND "subject_tenant_slug" IS NULL));
