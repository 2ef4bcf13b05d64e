-- Plan limits the database enforces itself, so no code path (dashboard form, CSV import, WhatsApp
-- staff drafts, CLI, two requests at the same moment) can pass them:
--   * cars in stock (not sold) per showroom <= tenants.max_vehicles
--   * photos per car <= 30
--   * active staff (owner, admin, sales) per showroom <= tenants.max_staff
-- Each check is a statement-level AFTER trigger: it takes a transaction-scoped advisory lock per
-- showroom and kind, then counts with a fresh snapshot (READ COMMITTED), so of two transactions
-- racing for the last seat the second waits for the first to commit, counts its row too, and is
-- refused. One count per showroom per statement keeps bulk inserts cheap. A refusal is SQLSTATE
-- 23514 (check_violation) with the limit's name as CONSTRAINT and the limit as DETAIL; the app maps
-- it to a message in the user's language (lib/core/db/capacity.ts).

CREATE FUNCTION "app_plan_lock"(p_kind text, p_id uuid)
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = public, pg_temp
AS $$ SELECT pg_advisory_xact_lock(hashtextextended(p_kind || ':' || p_id::text, 20261205)) $$;

CREATE FUNCTION "app_plan_refuse"(p_limit text, p_max integer)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = public, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION USING
    ERRCODE = 'check_violation',
    CONSTRAINT = p_limit,
    MESSAGE = format('plan limit %s reached: at most %s', p_limit, p_max),
    DETAIL = p_max::text;
END
$$;

-- Locks, counts and refuses for each showroom a statement gave one more car in stock or one more
-- active staff member.
CREATE FUNCTION "app_plan_enforce"(p_limit text, p_tenants uuid[])
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = public, pg_temp
AS $$
DECLARE
  tid uuid;
  cap integer;
  used bigint;
BEGIN
  FOREACH tid IN ARRAY p_tenants LOOP
    PERFORM app_plan_lock(p_limit, tid);
    IF p_limit = 'vehicles_within_plan' THEN
      SELECT t."max_vehicles" INTO cap FROM "tenants" t WHERE t."id" = tid;
      SELECT count(*) INTO used FROM "vehicles" v WHERE v."tenant_id" = tid AND v."status" <> 'sold';
    ELSE
      SELECT t."max_staff" INTO cap FROM "tenants" t WHERE t."id" = tid;
      SELECT count(*) INTO used FROM "users" u
       WHERE u."tenant_id" = tid AND u."is_active" AND u."role" IN ('owner', 'admin', 'sales');
    END IF;
    IF cap IS NOT NULL AND used > cap THEN
      PERFORM app_plan_refuse(p_limit, cap);
    END IF;
  END LOOP;
END
$$;

CREATE FUNCTION "app_enforce_vehicle_limit"()
RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  -- Only rows that start taking a place: new unsold cars, or sold cars put back on sale.
  IF TG_OP = 'INSERT' THEN
    PERFORM app_plan_enforce('vehicles_within_plan', ARRAY(
      SELECT DISTINCT n."tenant_id" FROM new_rows n WHERE n."status" <> 'sold' ORDER BY 1));
  ELSE
    PERFORM app_plan_enforce('vehicles_within_plan', ARRAY(
      SELECT DISTINCT n."tenant_id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
       WHERE n."status" <> 'sold' AND o."status" = 'sold' ORDER BY 1));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "vehicles_within_plan_insert" AFTER INSERT ON "vehicles"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "app_enforce_vehicle_limit"();
CREATE TRIGGER "vehicles_within_plan_update" AFTER UPDATE ON "vehicles"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "app_enforce_vehicle_limit"();

-- Also lib/inventory's MAX_PHOTOS_PER_VEHICLE (the dashboard shows it; the refusal carries it).
CREATE FUNCTION "app_enforce_photo_limit"()
RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  cap CONSTANT integer := 30;
  tid uuid;
BEGIN
  -- Locked per showroom, not per car: a bulk insert takes one lock per showroom it touches.
  FOREACH tid IN ARRAY ARRAY(SELECT DISTINCT n."tenant_id" FROM new_rows n ORDER BY 1) LOOP
    PERFORM app_plan_lock('vehicle_photos_within_cap', tid);
    IF EXISTS (
      SELECT 1 FROM "vehicle_photos" p
       WHERE p."tenant_id" = tid
         AND p."vehicle_id" IN (SELECT n."vehicle_id" FROM new_rows n WHERE n."tenant_id" = tid)
       GROUP BY p."vehicle_id" HAVING count(*) > cap
    ) THEN
      PERFORM app_plan_refuse('vehicle_photos_within_cap', cap);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER "vehicle_photos_within_cap" AFTER INSERT ON "vehicle_photos"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "app_enforce_photo_limit"();

CREATE FUNCTION "app_enforce_staff_limit"()
RETURNS trigger
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  -- A seat is taken by an active owner, admin or salesperson of a showroom: a new one, a
  -- reactivated one, or one whose role became a staff role.
  IF TG_OP = 'INSERT' THEN
    PERFORM app_plan_enforce('staff_within_plan', ARRAY(
      SELECT DISTINCT n."tenant_id" FROM new_rows n
       WHERE n."tenant_id" IS NOT NULL AND n."is_active" AND n."role" IN ('owner', 'admin', 'sales') ORDER BY 1));
  ELSE
    PERFORM app_plan_enforce('staff_within_plan', ARRAY(
      SELECT DISTINCT n."tenant_id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
       WHERE n."tenant_id" IS NOT NULL AND n."is_active" AND n."role" IN ('owner', 'admin', 'sales')
         AND NOT (o."is_active" AND o."role" IN ('owner', 'admin', 'sales') AND o."tenant_id" IS NOT DISTINCT FROM n."tenant_id")
       ORDER BY 1));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "staff_within_plan_insert" AFTER INSERT ON "users"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "app_enforce_staff_limit"();
CREATE TRIGGER "staff_within_plan_update" AFTER UPDATE ON "users"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "app_enforce_staff_limit"();

-- Dead letters (platform table): a correctly signed webhook body that cannot be read (not the
-- Cloud API's shape, or parts of it that are not) is set aside here ONCE, with the reason, instead
-- of failing its queue job 25 times. The raw event stays in webhook_events, marked processed with
-- the reason; /admin/health shows the count and the latest ones (reason and time, never the body,
-- which holds buyers' messages). Like webhook_events: the app reaches it only through the function
-- below and the audited platform path.
CREATE TABLE "webhook_dead_letters" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "dead_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "webhook_dead_letters_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "webhook_dead_letters_event_id_key" ON "webhook_dead_letters"("event_id");
CREATE INDEX "webhook_dead_letters_dead_at_idx" ON "webhook_dead_letters"("dead_at");

ALTER TABLE "webhook_dead_letters" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "webhook_dead_letters" FORCE ROW LEVEL SECURITY;
CREATE POLICY "platform_access" ON "webhook_dead_letters"
  USING (current_setting('app.platform_admin', true) = 'on')
  WITH CHECK (current_setting('app.platform_admin', true) = 'on');

-- Worker: sets one event aside (at most once) and marks it done; true when this call did it.
CREATE FUNCTION "app_dead_letter_webhook_event"(p_id uuid, p_reason text, p_body text)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
DECLARE inserted integer;
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  INSERT INTO "webhook_dead_letters" ("event_id", "received_at", "reason", "body")
    SELECT e."id", e."received_at", left(p_reason, 2000), p_body FROM "webhook_events" e WHERE e."id" = p_id
    ON CONFLICT ("event_id") DO NOTHING;
  GET DIAGNOSTICS inserted = ROW_COUNT;
  UPDATE "webhook_events" SET "processed_at" = coalesce("processed_at", now()), "last_error" = left('dead letter: ' || p_reason, 2000)
    WHERE "id" = p_id;
  PERFORM set_config('app.platform_admin', previous, true);
  RETURN inserted > 0;
END
$$;

REVOKE ALL ON FUNCTION "app_dead_letter_webhook_event"(uuid, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_plan_lock"(text, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_plan_refuse"(text, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_plan_enforce"(text, uuid[]) FROM PUBLIC;
