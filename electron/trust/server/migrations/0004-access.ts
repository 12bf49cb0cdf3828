/**
 * Who may do what, in PostgreSQL itself, whatever a workstation believes: auditors read; RA officers
 * keep people's records; administrators change the register, a scoped administrator (rows in
 * operator_systems for their login) only their own systems' rows (row-level security); operator
 * management is for unscoped administrators. Nobody but the owner has UPDATE or DELETE on the chain.
 */
import { SYNCED_TABLES_0001 } from './0001-roles-and-register';
import type { ServerMigration } from './types';

/** Register tables whose rows belong to one system (a scoped administrator changes only theirs). */
const PER_SYSTEM = [
  'systems',
  'system_roles',
  'licence_allocations',
  'accounts',
  'suspensions',
  'requests',
  'tasks',
];
const READERS = 'gatehouse_administrator, gatehouse_ra_officer, gatehouse_auditor';

function systemColumn(table: string): string {
  return table === 'systems' ? 'id' : 'system_id';
}

export const accessMigration: ServerMigration = {
  version: 4,
  name: 'access',
  sql: `
    REVOKE ALL ON SCHEMA gatehouse FROM PUBLIC;
    GRANT USAGE ON SCHEMA gatehouse TO ${READERS};
    ${SYNCED_TABLES_0001.map((t) => `REVOKE ALL ON gatehouse.${t} FROM PUBLIC; GRANT SELECT ON gatehouse.${t} TO ${READERS};`).join('\n')}
    GRANT SELECT ON gatehouse.schema_version TO ${READERS};
    REVOKE ALL ON gatehouse.events FROM PUBLIC;
    GRANT SELECT ON gatehouse.events TO ${READERS};
    GRANT EXECUTE ON FUNCTION gatehouse.append_event(jsonb) TO gatehouse_administrator, gatehouse_ra_officer;

    GRANT INSERT, UPDATE ON gatehouse.people TO gatehouse_administrator, gatehouse_ra_officer;
    GRANT INSERT, UPDATE, DELETE ON ${PER_SYSTEM.map((t) => `gatehouse.${t}`).join(', ')},
      gatehouse.operators, gatehouse.operator_systems TO gatehouse_administrator;

    -- Is the session's login an administrator of every system (no scope rows)?
    CREATE FUNCTION gatehouse.is_unscoped() RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
      SELECT NOT EXISTS (
        SELECT 1 FROM gatehouse.operator_systems s JOIN gatehouse.operators o ON o.id = s.operator_id
        WHERE o.login = session_user)
    $$;
    CREATE FUNCTION gatehouse.may_change_system(system text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
      SELECT gatehouse.is_unscoped() OR EXISTS (
        SELECT 1 FROM gatehouse.operator_systems s JOIN gatehouse.operators o ON o.id = s.operator_id
        WHERE o.login = session_user AND s.system_id = system)
    $$;
    REVOKE ALL ON FUNCTION gatehouse.is_unscoped() FROM PUBLIC;
    REVOKE ALL ON FUNCTION gatehouse.may_change_system(text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION gatehouse.is_unscoped(), gatehouse.may_change_system(text) TO ${READERS};

    ${SYNCED_TABLES_0001.map(
      (t) => `ALTER TABLE gatehouse.${t} ENABLE ROW LEVEL SECURITY;
        CREATE POLICY ${t}_read ON gatehouse.${t} FOR SELECT USING (true);`,
    ).join('\n')}
    ${PER_SYSTEM.map(
      (
        t,
      ) => `CREATE POLICY ${t}_insert ON gatehouse.${t} FOR INSERT WITH CHECK (gatehouse.may_change_system(${systemColumn(t)}));
        CREATE POLICY ${t}_update ON gatehouse.${t} FOR UPDATE USING (gatehouse.may_change_system(${systemColumn(t)}))
          WITH CHECK (gatehouse.may_change_system(${systemColumn(t)}));
        CREATE POLICY ${t}_delete ON gatehouse.${t} FOR DELETE USING (gatehouse.may_change_system(${systemColumn(t)}));`,
    ).join('\n')}
    CREATE POLICY people_write ON gatehouse.people FOR INSERT WITH CHECK (true);
    CREATE POLICY people_update ON gatehouse.people FOR UPDATE USING (true) WITH CHECK (true);
    ${['operators', 'operator_systems']
      .map(
        (t) =>
          `CREATE POLICY ${t}_manage ON gatehouse.${t} FOR ALL USING (gatehouse.is_unscoped()) WITH CHECK (gatehouse.is_unscoped());`,
      )
      .join('\n')}
  `,
};
