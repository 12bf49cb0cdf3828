/**
 * One PostgreSQL login per operator, in the group role of their Gatehouse role. Operators manage
 * logins only through these SECURITY DEFINER functions (run as the schema's owner, who may create
 * roles), never with CREATEROLE of their own: only an unscoped administrator may call them, only
 * Gatehouse's own logins (gh_...) are touched, only into Gatehouse's group roles, and a password
 * arrives as a SCRAM verifier, never in clear.
 */
import type { ServerMigration } from './types';

const CHECKS = `
      IF NOT (pg_has_role(session_user, 'gatehouse_administrator', 'MEMBER') AND gatehouse.is_unscoped()) THEN
        RAISE EXCEPTION 'Only an administrator of every system can manage operators' USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF login !~ '^gh_[0-9a-z]{1,60}$' THEN
        RAISE EXCEPTION 'Not a Gatehouse operator login: %', login USING ERRCODE = 'invalid_parameter_value';
      END IF;`;

export const operatorLoginsMigration: ServerMigration = {
  version: 5,
  name: 'operator-logins',
  sql: `
    CREATE FUNCTION gatehouse.group_role(role text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE role WHEN 'administrator' THEN 'gatehouse_administrator'
        WHEN 'ra-officer' THEN 'gatehouse_ra_officer' WHEN 'auditor' THEN 'gatehouse_auditor' END
    $$;

    CREATE FUNCTION gatehouse.create_operator_login(login text, verifier text, role text) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
    BEGIN
      ${CHECKS}
      IF verifier !~ '^SCRAM-SHA-256\\$' OR gatehouse.group_role(role) IS NULL THEN
        RAISE EXCEPTION 'A login needs a SCRAM verifier and a Gatehouse role' USING ERRCODE = 'invalid_parameter_value';
      END IF;
      EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', login, verifier, gatehouse.group_role(role));
    END $$;

    -- Revoke (NOLOGIN, and out of every group), restore, or move to another role's group.
    CREATE FUNCTION gatehouse.set_operator_login(login text, role text, active boolean) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
    DECLARE g text;
    BEGIN
      ${CHECKS}
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = login) THEN
        RAISE EXCEPTION 'No such operator login: %', login USING ERRCODE = 'undefined_object';
      END IF;
      FOREACH g IN ARRAY ARRAY['gatehouse_administrator', 'gatehouse_ra_officer', 'gatehouse_auditor'] LOOP
        EXECUTE format('REVOKE %I FROM %I', g, login);
      END LOOP;
      IF active THEN
        EXECUTE format('GRANT %I TO %I', gatehouse.group_role(role), login);
        EXECUTE format('ALTER ROLE %I LOGIN', login);
      ELSE
        EXECUTE format('ALTER ROLE %I NOLOGIN', login);
      END IF;
    END $$;

    REVOKE ALL ON FUNCTION gatehouse.create_operator_login(text, text, text) FROM PUBLIC;
    REVOKE ALL ON FUNCTION gatehouse.set_operator_login(text, text, boolean) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION gatehouse.create_operator_login(text, text, text),
      gatehouse.set_operator_login(text, text, boolean) TO gatehouse_administrator;
  `,
};
