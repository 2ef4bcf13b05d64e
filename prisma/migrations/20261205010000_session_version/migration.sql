-- Revocable sessions. A session (a next-auth JWT) names the account's session version at sign-in
-- and its own id (sid); every request compares both with the database:
--   * users.session_version: bumped by the trigger below whenever the password, the active flag,
--     the role, the showroom, a forced reset or the second factor changes, and by "sign out
--     everywhere". Every older session of the account is dead from its next request on.
--   * ended_sessions: one sign-out ends that one session (its sid), not the account's others.
-- Both are read by app_session_user, the per-request re-read of the signed-in account.

ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

-- In the database, not in each use case: no code path (console, dashboard, CLI, a future one)
-- can change what a session was granted on and forget to end the sessions.
CREATE FUNCTION "users_bump_session_version"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW."password_hash" IS DISTINCT FROM OLD."password_hash"
     OR NEW."is_active" IS DISTINCT FROM OLD."is_active"
     OR NEW."role" IS DISTINCT FROM OLD."role"
     OR NEW."tenant_id" IS DISTINCT FROM OLD."tenant_id"
     OR (NEW."must_change_password" AND NOT OLD."must_change_password")
     OR (OLD."totp_enabled_at" IS NOT NULL AND NEW."totp_enabled_at" IS NULL) THEN
    NEW."session_version" := GREATEST(NEW."session_version", OLD."session_version" + 1);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "users_bump_session_version" BEFORE UPDATE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "users_bump_session_version"();

-- Sessions ended by signing out, kept until the session would have expired anyway.
CREATE TABLE "ended_sessions" (
    "sid" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "ended_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ended_sessions_pkey" PRIMARY KEY ("sid")
);

CREATE INDEX "ended_sessions_expires_at_idx" ON "ended_sessions"("expires_at");

-- A platform table: no showroom owns its rows; the app reaches it only through the functions below,
-- which run as the owner. CURRENT_USER is the migrating owner role; no other role gets a row (an
-- injected statement could otherwise delete an entry and revive a signed-out session).
ALTER TABLE "ended_sessions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ended_sessions" FORCE ROW LEVEL SECURITY;
CREATE POLICY "definer_only" ON "ended_sessions" TO CURRENT_USER USING (true) WITH CHECK (true);

-- Sign-out: this session is over. Expired entries go at the same time, so the table stays small.
CREATE FUNCTION "app_end_session"(p_user_id uuid, p_sid text, p_expires_at timestamptz)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  DELETE FROM "ended_sessions" WHERE "expires_at" < now();
  INSERT INTO "ended_sessions" ("sid", "user_id", "expires_at")
    VALUES (p_sid, p_user_id, p_expires_at)
    ON CONFLICT ("sid") DO NOTHING;
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

-- The per-request re-read now also answers the session's version and whether it was signed out.
DROP FUNCTION "app_session_user"(uuid);

CREATE FUNCTION "app_session_user"(p_user_id uuid, p_sid text DEFAULT NULL)
RETURNS TABLE ("id" uuid, "tenant_id" uuid, "email" text, "name" text, "role" "user_role", "is_active" boolean,
               "tenant_status" "tenant_status", "tenant_slug" text, "tenant_name" text,
               "must_change_password" boolean, "session_version" integer, "session_ended" boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  RETURN QUERY
  SELECT u."id", u."tenant_id", u."email", u."name", u."role", u."is_active", t."status", t."slug", t."name",
         u."must_change_password", u."session_version",
         (p_sid IS NOT NULL AND EXISTS (SELECT 1 FROM "ended_sessions" e WHERE e."sid" = p_sid))
    FROM "users" u LEFT JOIN "tenants" t ON t."id" = u."tenant_id"
    WHERE u."id" = p_user_id;
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

REVOKE ALL ON FUNCTION "app_session_user"(uuid, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_end_session"(uuid, text, timestamptz) FROM PUBLIC;
