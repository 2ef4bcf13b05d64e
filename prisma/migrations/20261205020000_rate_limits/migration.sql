-- Abuse limits (lib/core/rate-limit.ts): one small platform-level table of counters shared by every
-- web and worker process, so a limit holds across instances. A row is one bucket in one fixed
-- window; a limit reads the current and the previous window (a sliding-window estimate).
--
-- Platform-level, not tenant data: a bucket is "<limit>:<HMAC of the subject>" (an address, an
-- e-mail typed at sign-in, a phone, a contact), so the table holds no readable personal data and no
-- showroom owns a row. Nobody reads it directly: row-level security is forced and its only policy
-- is for the owner role, which runs the SECURITY DEFINER functions below. The app role (and a
-- platform-admin session) sees and writes nothing; it can only take, give back and clear through
-- the functions, each under an advisory lock on the bucket so concurrent requests on any instance
-- count exactly once.

-- CreateTable
CREATE TABLE "rate_limits" (
    "bucket" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL DEFAULT 0,
    "last_hit_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("bucket","window_start")
);

-- CreateIndex
CREATE INDEX "rate_limits_expires_at_idx" ON "rate_limits"("expires_at");

ALTER TABLE "rate_limits" ADD CONSTRAINT "rate_limits_hits_positive" CHECK ("hits" >= 0);

ALTER TABLE "rate_limits" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "rate_limits" FORCE ROW LEVEL SECURITY;
-- CURRENT_USER is the migrating owner role, which also owns (and so runs) the functions below.
CREATE POLICY "definer_only" ON "rate_limits" TO CURRENT_USER USING (true) WITH CHECK (true);

-- Takes p_cost (0 only asks) from a bucket allowing p_limit per p_window_seconds, and says whether
-- it was allowed and, if not, in how many milliseconds it would be. Progressive buckets let
-- p_limit through at once; after that each one waits for the previous one: 1 s, 2 s, 4 s, ... up to
-- one window. A refused take counts nothing.
CREATE FUNCTION "app_rate_limit_take"(p_bucket text, p_window_seconds integer, p_limit integer, p_cost integer, p_progressive boolean)
RETURNS TABLE ("allowed" boolean, "used" double precision, "retry_after_ms" integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  now_ts timestamptz := clock_timestamp();
  w double precision := p_window_seconds;
  now_epoch double precision := extract(epoch FROM now_ts);
  start_epoch double precision := floor(now_epoch / w) * w;
  start_ts timestamptz := to_timestamp(start_epoch);
  elapsed double precision := now_epoch - start_epoch;
  cur integer;
  prev integer;
  last_at timestamptz;
  weighted double precision;
  wait_ms double precision := 0;
BEGIN
  IF p_window_seconds < 1 OR p_limit < 0 OR p_cost < 0 THEN
    RAISE EXCEPTION 'app_rate_limit_take: bad arguments';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('rate_limit:' || p_bucket, 0));
  SELECT coalesce(sum(r."hits") FILTER (WHERE r."window_start" = start_ts), 0),
         coalesce(sum(r."hits") FILTER (WHERE r."window_start" < start_ts), 0),
         max(r."last_hit_at")
    INTO cur, prev, last_at
    FROM "rate_limits" r
    WHERE r."bucket" = p_bucket AND r."window_start" >= start_ts - make_interval(secs => w);
  weighted := prev * (1 - elapsed / w) + cur;

  IF p_progressive THEN
    IF weighted >= p_limit AND last_at IS NOT NULL THEN
      wait_ms := extract(epoch FROM (last_at - now_ts)) * 1000
               + least(1000 * power(2, least(floor(weighted) - p_limit, 30)), w * 1000);
    END IF;
  ELSIF weighted + 1 > p_limit THEN
    IF cur + 1 > p_limit THEN
      -- Not before this window ends, and then until the previous window's share has faded enough.
      wait_ms := ((w - elapsed) + w * greatest(0, 1 - (p_limit - 1)::double precision / greatest(cur, 1))) * 1000;
    ELSE
      wait_ms := (w * (1 - (p_limit - 1 - cur)::double precision / greatest(prev, 1)) - elapsed) * 1000;
    END IF;
  END IF;

  IF wait_ms > 0 THEN
    RETURN QUERY SELECT false, weighted, greatest(1, ceil(wait_ms))::integer;
    RETURN;
  END IF;
  IF p_cost > 0 THEN
    INSERT INTO "rate_limits" ("bucket", "window_start", "hits", "last_hit_at", "expires_at")
      VALUES (p_bucket, start_ts, p_cost, now_ts, start_ts + make_interval(secs => 2 * w))
      ON CONFLICT ("bucket", "window_start")
      DO UPDATE SET "hits" = "rate_limits"."hits" + p_cost, "last_hit_at" = now_ts;
  END IF;
  RETURN QUERY SELECT true, weighted + p_cost, 0;
END
$$;

-- Gives one back (a sign-in that turned out right must not count against its address).
CREATE FUNCTION "app_rate_limit_release"(p_bucket text)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('rate_limit:' || p_bucket, 0));
  UPDATE "rate_limits" SET "hits" = "hits" - 1
    WHERE "bucket" = p_bucket AND "hits" > 0
      AND "window_start" = (SELECT max(r."window_start") FROM "rate_limits" r WHERE r."bucket" = p_bucket AND r."hits" > 0);
END
$$;

-- Restarts a progressive bucket's delay now (a sign-in failure is known only after the password
-- check, so the next try waits from the answer, not from when the try began).
CREATE FUNCTION "app_rate_limit_touch"(p_bucket text)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('rate_limit:' || p_bucket, 0));
  UPDATE "rate_limits" SET "last_hit_at" = clock_timestamp()
    WHERE "bucket" = p_bucket
      AND "window_start" = (SELECT max(r."window_start") FROM "rate_limits" r WHERE r."bucket" = p_bucket);
END
$$;

-- Forgets a bucket (the right password from this address ends its delay).
CREATE FUNCTION "app_rate_limit_clear"(p_bucket text)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('rate_limit:' || p_bucket, 0));
  DELETE FROM "rate_limits" WHERE "bucket" = p_bucket;
END
$$;

-- The schedule's clean-up: windows nobody reads any more.
CREATE FUNCTION "app_rate_limit_sweep"()
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE removed integer;
BEGIN
  DELETE FROM "rate_limits" WHERE "expires_at" < clock_timestamp();
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN removed;
END
$$;

REVOKE ALL ON FUNCTION "app_rate_limit_take"(text, integer, integer, integer, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_rate_limit_release"(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_rate_limit_touch"(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_rate_limit_clear"(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_rate_limit_sweep"() FROM PUBLIC;
