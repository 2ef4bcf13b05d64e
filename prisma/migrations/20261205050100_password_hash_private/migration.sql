-- Password hashes never leave the database.
--
-- The app role loses SELECT on users.password_hash (a column privilege, applied by the migration
-- runner's grants, lib/core/db/migrate.ts, because those are renewed after every migration). It
-- may still write a new hash (password change, reset, new accounts). A password is checked in two
-- steps that never return the hash:
--   app_password_salt(user)            -> bcrypt's public setting "$2b$11$<22 characters of salt>"
--   app_password_matches(user, hash)   -> whether bcrypt(password, that setting) is the stored hash
-- The app computes the bcrypt itself (lib/auth/password-check.ts), so the database does no
-- expensive work for a caller, and an attacker with SQL injection learns one yes/no per bcrypt they
-- pay for instead of a hash to crack offline.
--
-- The sign-in lookup no longer returns the hash either.

DROP FUNCTION "app_auth_user"(text);

CREATE FUNCTION "app_auth_user"(p_email text)
RETURNS TABLE ("id" uuid, "tenant_id" uuid, "email" text, "name" text, "role" "user_role",
               "is_active" boolean, "failed_login_count" integer, "locked_until" timestamptz,
               "tenant_status" "tenant_status", "tenant_slug" text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  SELECT u."id", u."tenant_id", u."email", u."name", u."role", u."is_active",
         u."failed_login_count", u."locked_until", t."status", t."slug"
    FROM "users" u LEFT JOIN "tenants" t ON t."id" = u."tenant_id"
    WHERE u."email" = lower(p_email);
$$;

CREATE FUNCTION "app_password_salt"(p_user_id uuid)
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  -- bcrypt: "$2b$" + cost + "$" + 22 characters of salt = the first 29 characters.
  SELECT left(u."password_hash", 29) FROM "users" u
    WHERE u."id" = p_user_id AND u."password_hash" ~ '^\$2[aby]\$[0-9]{2}\$[./A-Za-z0-9]{53}$';
$$;

CREATE FUNCTION "app_password_matches"(p_user_id uuid, p_candidate text)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
  -- Compared through sha256, so the comparison's timing says nothing about the stored hash.
  SELECT coalesce(
    (SELECT sha256(convert_to(u."password_hash", 'UTF8')) = sha256(convert_to(coalesce(p_candidate, ''), 'UTF8'))
       FROM "users" u WHERE u."id" = p_user_id),
    false);
$$;

REVOKE ALL ON FUNCTION "app_auth_user"(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_password_salt"(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION "app_password_matches"(uuid, text) FROM PUBLIC;
