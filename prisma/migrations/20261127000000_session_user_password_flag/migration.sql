-- The per-request account re-read also says whether an operator forced a password reset, so the
-- action client can refuse every other action without a second query (and for super admins,
-- who belong to no showroom, without an audited platform read).
DROP FUNCTION "app_session_user"(uuid);

CREATE FUNCTION "app_session_user"(p_user_id uuid)
RETURNS TABLE ("id" uuid, "tenant_id" uuid, "email" text, "name" text, "role" "user_role", "is_active" boolean,
               "tenant_status" "tenant_status", "tenant_slug" text, "tenant_name" text,
               "must_change_password" boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE previous text := coalesce(current_setting('app.platform_admin', true), '');
BEGIN
  PERFORM set_config('app.platform_admin', 'on', true);
  RETURN QUERY
  SELECT u."id", u."tenant_id", u."email", u."name", u."role", u."is_active", t."status", t."slug", t."name",
         u."must_change_password"
    FROM "users" u LEFT JOIN "tenants" t ON t."id" = u."tenant_id"
    WHERE u."id" = p_user_id;
  PERFORM set_config('app.platform_admin', previous, true);
END
$$;

REVOKE ALL ON FUNCTION "app_session_user"(uuid) FROM PUBLIC;
