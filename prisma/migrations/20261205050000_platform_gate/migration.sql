-- Platform-wide access needs a grant the app role cannot make up.
--
-- Until now every policy opened all showrooms when the setting app.platform_admin was 'on', and any
-- statement of the app role may set any app.* setting: one SQL injection in a showroom's query was
-- one set_config() away from every showroom. From here on the policies ask app_platform_active(),
-- which is true in exactly two cases:
--
--  1. The statement runs inside one of the owner's SECURITY DEFINER functions written in these
--     migrations (routing a host or a WhatsApp number, sign-in, the per-request account re-read,
--     storing a raw webhook). They run as the owner, a role the app's session cannot become by
--     itself (it is a member of no role), and each returns only what its caller needs.
--  2. The transaction carries a grant signed for it: withPlatformAccess (lib/core/db/platform.ts)
--     reads its transaction id, signs "transaction <xid> may act platform-wide until <t>" with
--     HMAC-SHA256 under a key derived from AUTH_SECRET, and hands it to app_platform_enter().
--     The database checks it with its copy of the key, kept in the schema platform_gate, where
--     the app role has no access at all. An injected statement can neither read the key nor sign
--     for its own transaction, and a grant seen elsewhere names another transaction id (xid8
--     values never repeat), so it is worthless anywhere else.
--
-- The key is installed by the owner (the migration runner, lib/core/db/platform-grant.ts) from the
-- same AUTH_SECRET the app signs with. Functions that still raise app.platform_admin do no harm:
-- nothing reads that setting any more.

CREATE SCHEMA "platform_gate";
REVOKE ALL ON SCHEMA "platform_gate" FROM PUBLIC;

-- HMAC-SHA256 keys (RFC 2104) stored as their two padded halves, so the database needs only the
-- built-in sha256() (no extension): HMAC(k, m) = sha256(outer_pad || sha256(inner_pad || m)).
CREATE TABLE "platform_gate"."keys" (
  "id" TEXT PRIMARY KEY,
  "inner_pad" BYTEA NOT NULL CHECK (length("inner_pad") = 64),
  "outer_pad" BYTEA NOT NULL CHECK (length("outer_pad") = 64),
  "installed_at" TIMESTAMPTZ NOT NULL DEFAULT now()
);
REVOKE ALL ON "platform_gate"."keys" FROM PUBLIC;

-- Is this grant signed for the current transaction, by an installed key, and not expired?
-- Grant: v1.<key id>.<transaction id>.<expires, unix seconds>.<hex HMAC of the first four parts>.
CREATE FUNCTION "app_platform_grant_valid"(p_grant text)
RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  parts text[];
  k "platform_gate"."keys"%ROWTYPE;
  expires timestamptz;
  expected bytea;
BEGIN
  IF p_grant IS NULL OR p_grant = '' THEN RETURN false; END IF;
  parts := string_to_array(p_grant, '.');
  IF cardinality(parts) <> 5 OR parts[1] <> 'v1' THEN RETURN false; END IF;
  -- Bound to this transaction: a grant copied from any other is refused.
  IF parts[3] IS DISTINCT FROM pg_current_xact_id_if_assigned()::text THEN RETURN false; END IF;
  IF parts[4] !~ '^[0-9]{1,12}$' OR parts[5] !~ '^[0-9a-f]{64}$' THEN RETURN false; END IF;
  expires := to_timestamp(parts[4]::bigint);
  -- Short-lived: signed for at most five minutes, and refused once expired.
  IF expires < clock_timestamp() OR expires > clock_timestamp() + interval '5 minutes' THEN RETURN false; END IF;
  SELECT * INTO k FROM "platform_gate"."keys" WHERE "id" = parts[2];
  IF NOT FOUND THEN RETURN false; END IF;
  expected := sha256(k."outer_pad" || sha256(k."inner_pad" ||
                convert_to('autolumiku/platform-grant/' || array_to_string(parts[1:4], '.'), 'UTF8')));
  -- Compared through a second hash, so the comparison's timing says nothing about the MAC.
  RETURN sha256(expected) = sha256(decode(parts[5], 'hex'));
END
$$;

-- The one question every policy asks.
CREATE FUNCTION "app_platform_active"()
RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- Inside the owner's SECURITY DEFINER functions: current_user is the owner, a role this session
  -- could not SET ROLE to (the app role is a member of no role).
  IF current_user <> session_user AND NOT pg_has_role(session_user, current_user, 'MEMBER') THEN
    RETURN true;
  END IF;
  -- The common case, a showroom's own query: no grant, nothing to verify.
  IF coalesce(current_setting('app.platform_grant', true), '') = '' THEN RETURN false; END IF;
  RETURN public."app_platform_grant_valid"(current_setting('app.platform_grant', true));
END
$$;

-- withPlatformAccess's entrance: refuses loudly instead of letting every query come back empty.
CREATE FUNCTION "app_platform_enter"(p_grant text)
RETURNS void
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT public."app_platform_grant_valid"(p_grant) THEN
    RAISE EXCEPTION 'platform access refused: the grant is not signed for this transaction, has expired, or its key is not installed (run the migrations with this server''s AUTH_SECRET)'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('app.platform_grant', p_grant, true);
END
$$;

-- ---------------------------------------------------------------------------------------------
-- Every policy that trusted app.platform_admin, again with app_platform_active(). Called through a
-- sub-SELECT, so it runs once per statement (an init plan), and the tenant tables keep their one
-- index-friendly condition (see 20261126010000_rls_index_friendly).
-- ---------------------------------------------------------------------------------------------
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenant_domains', 'vehicles', 'vehicle_photos', 'vehicle_events', 'leads', 'vehicle_views', 'lead_notes',
                           'notifications', 'wa_contacts', 'wa_conversations', 'wa_messages', 'wa_outbox', 'llm_calls'] LOOP
    EXECUTE format('DROP POLICY "tenant_access" ON %I', t);
    EXECUTE format($p$CREATE POLICY "tenant_access" ON %I
      USING ("tenant_id" = ANY (CASE WHEN (SELECT public.app_platform_active())
                                     THEN (SELECT array_agg(x."id") FROM "tenants" x)
                                     ELSE ARRAY[NULLIF(current_setting('app.tenant_id', true), '')::uuid] END))
      WITH CHECK ("tenant_id" = ANY (CASE WHEN (SELECT public.app_platform_active())
                                     THEN (SELECT array_agg(x."id") FROM "tenants" x)
                                     ELSE ARRAY[NULLIF(current_setting('app.tenant_id', true), '')::uuid] END))$p$, t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['tenants', 'users', 'audit_logs', 'platform_settings', 'webhook_events', 'webhook_dead_letters'] LOOP
    EXECUTE format('DROP POLICY "platform_access" ON %I', t);
    EXECUTE format($p$CREATE POLICY "platform_access" ON %I
      USING ((SELECT public.app_platform_active()))
      WITH CHECK ((SELECT public.app_platform_active()))$p$, t);
  END LOOP;
END $$;

REVOKE ALL ON FUNCTION "app_platform_grant_valid"(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_platform_active"() FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_platform_enter"(text) FROM PUBLIC;
