/**
 * The change feed and exactly-once pushes. Every change to a synced table is noted with its
 * transaction (row_changes), so a workstation that reads Trust events after its cursor fetches just
 * the rows those transactions touched. applied_commands names each workstation command pushed, so a
 * retried push (after a cut connection or a crash) finds it there and does nothing.
 */
import { SYNCED_TABLES_0001 } from './0001-roles-and-register';
import type { ServerMigration } from './types';

const KEYS: Record<(typeof SYNCED_TABLES_0001)[number], string[]> = {
  operators: ['id'],
  operator_systems: ['operator_id', 'system_id'],
  systems: ['id'],
  system_roles: ['system_id', 'name'],
  licence_allocations: ['system_id', 'organisation', 'year'],
  people: ['id'],
  accounts: ['id'],
  suspensions: ['id'],
  requests: ['id'],
  tasks: ['id'],
};
const READERS = 'gatehouse_administrator, gatehouse_ra_officer, gatehouse_auditor';

export const changeFeedMigration: ServerMigration = {
  version: 6,
  name: 'change-feed',
  sql: `
    CREATE TABLE gatehouse.row_changes (
      txid        bigint NOT NULL DEFAULT txid_current(),
      table_name  text NOT NULL,
      row_key     jsonb NOT NULL
    );
    CREATE INDEX row_changes_txid ON gatehouse.row_changes (txid);

    CREATE TABLE gatehouse.applied_commands (
      command_id      text PRIMARY KEY,
      workstation_id  text NOT NULL,
      channel         text NOT NULL,
      db_user         text NOT NULL DEFAULT session_user,
      txid            bigint NOT NULL DEFAULT txid_current()
    );

    ${SYNCED_TABLES_0001.map(
      (t) => `
    CREATE FUNCTION gatehouse.note_${t}() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
    DECLARE r gatehouse.${t};
    BEGIN
      IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
      INSERT INTO gatehouse.row_changes (table_name, row_key)
        VALUES ('${t}', jsonb_build_array(${KEYS[t].map((k) => `r.${k}`).join(', ')}));
      RETURN NULL;
    END $$;
    CREATE TRIGGER ${t}_noted AFTER INSERT OR UPDATE OR DELETE ON gatehouse.${t}
      FOR EACH ROW EXECUTE FUNCTION gatehouse.note_${t}();`,
    ).join('\n')}

    REVOKE ALL ON gatehouse.row_changes, gatehouse.applied_commands FROM PUBLIC;
    GRANT SELECT ON gatehouse.row_changes, gatehouse.applied_commands TO ${READERS};
    GRANT INSERT ON gatehouse.applied_commands TO gatehouse_administrator, gatehouse_ra_officer;
  `,
};
