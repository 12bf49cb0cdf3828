/**
 * Reference data the whole Trust must share, not each workstation its own: the bank holidays that
 * working-day targets count over (REG-7: a request's due date must not depend on the workstation it
 * was made on) and the access profiles that decide what a position is offered (issue 13: one set of
 * rules for every starter), and the Trust's own settings (how long a workstation may stay offline
 * before sign-in there needs the register again, issue 11 §2). With them, the work the Trust-wide
 * jobs leave behind, so the next run on any workstation carries on from it rather than again:
 * inactivity notices (SUS-2: a manager is told once), the ESR feed's proposed changes (waiting
 * for whichever administrator decides them) and orphan accounts from the systems' exports. A profile's accounts are deleted row by row by the workstation (its own
 * cascade is captured), so the server has no cascade of its own to race a compare-and-set. Each table gets what every register table has: a row_version bumped on
 * update, the REP-3 audit check, the change feed, read for every Gatehouse role and write as below.
 */
import type { ServerMigration } from './types';

export const SYNCED_TABLES_0009 = [
  'trust_settings',
  'bank_holidays',
  'access_profiles',
  'access_profile_accounts',
  'orphan_accounts',
  'inactivity_notices',
  'esr_changes',
] as const;

export const KEYS_0009: Record<(typeof SYNCED_TABLES_0009)[number], readonly string[]> = {
  trust_settings: ['key'],
  bank_holidays: ['date'],
  access_profiles: ['id'],
  access_profile_accounts: ['profile_id', 'system_id'],
  orphan_accounts: ['system_id', 'username'],
  inactivity_notices: ['id'],
  esr_changes: ['id'],
};

const FK = 'DEFERRABLE INITIALLY DEFERRED';
const READERS = 'gatehouse_administrator, gatehouse_ra_officer, gatehouse_auditor';

export const sharedReferenceDataMigration: ServerMigration = {
  version: 9,
  name: 'shared-reference-data',
  sql: `
    CREATE TABLE gatehouse.trust_settings (
      key          text PRIMARY KEY,
      value        text NOT NULL,
      row_version  bigint NOT NULL DEFAULT 1,
      -- The offline grace period bounds how long a revoked login lives offline: hours, 1 to 720.
      CHECK (key <> 'offlineGraceHours' OR (value ~ '^[0-9]{1,3}$' AND value::int BETWEEN 1 AND 720))
    );

    CREATE TABLE gatehouse.bank_holidays (
      date         text PRIMARY KEY,
      title        text NOT NULL,
      row_version  bigint NOT NULL DEFAULT 1
    );

    CREATE TABLE gatehouse.access_profiles (
      id            text PRIMARY KEY,
      job_role      text,
      team          text,
      directorate   text,
      organisation  text,
      position_key  text NOT NULL UNIQUE,
      created_at    text NOT NULL,
      updated_at    text NOT NULL,
      row_version   bigint NOT NULL DEFAULT 1
    );

    CREATE TABLE gatehouse.access_profile_accounts (
      profile_id    text NOT NULL REFERENCES gatehouse.access_profiles(id) ${FK},
      system_id     text NOT NULL REFERENCES gatehouse.systems(id) ${FK},
      role          text NOT NULL,
      purpose_kind  text NOT NULL CHECK (purpose_kind IN ('direct-care', 'administration', 'secondary-use')),
      position      integer NOT NULL,
      row_version   bigint NOT NULL DEFAULT 1,
      PRIMARY KEY (profile_id, system_id)
    );

    CREATE TABLE gatehouse.orphan_accounts (
      system_id        text NOT NULL REFERENCES gatehouse.systems(id) ${FK},
      username         text NOT NULL,
      last_sign_in     text,
      first_found_at   text NOT NULL,
      last_found_at    text NOT NULL,
      state            text NOT NULL DEFAULT 'open'
        CHECK (state IN ('open', 'linked', 'removal-raised', 'removed')),
      resolution_note  text,
      resolved_at      text,
      row_version      bigint NOT NULL DEFAULT 1,
      PRIMARY KEY (system_id, username)
    );

    CREATE TABLE gatehouse.inactivity_notices (
      id              integer PRIMARY KEY,
      account_id      text NOT NULL REFERENCES gatehouse.accounts(id) ${FK},
      person_id       text NOT NULL REFERENCES gatehouse.people(id) ${FK},
      manager_id      text REFERENCES gatehouse.people(id) ${FK},
      last_activity   text,
      noticed_on      text NOT NULL,
      deactivate_on   text NOT NULL,
      state           text NOT NULL CHECK (state IN ('notified', 'proposed', 'cleared')),
      row_version     bigint NOT NULL DEFAULT 1
    );

    CREATE TABLE gatehouse.esr_changes (
      id               text PRIMARY KEY,
      kind             text NOT NULL CHECK (kind IN ('starter', 'mover', 'leaver')),
      employee_number  text NOT NULL,
      effective_on     text NOT NULL,
      details          text NOT NULL,
      file_name        text NOT NULL,
      line             integer NOT NULL,
      imported_at      text NOT NULL,
      state            text NOT NULL CHECK (state IN ('proposed', 'accepted', 'rejected')),
      decided_at       text,
      decided_by       text REFERENCES gatehouse.operators(id) ${FK},
      decision_note    text,
      row_version      bigint NOT NULL DEFAULT 1,
      UNIQUE (kind, employee_number, effective_on)
    );

    ${SYNCED_TABLES_0009.map(
      (t) => `
    CREATE TRIGGER ${t}_row_version BEFORE UPDATE ON gatehouse.${t}
      FOR EACH ROW EXECUTE FUNCTION gatehouse.bump_row_version();
    CREATE CONSTRAINT TRIGGER ${t}_audited AFTER INSERT OR UPDATE OR DELETE ON gatehouse.${t}
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION gatehouse.require_event();
    CREATE FUNCTION gatehouse.note_${t}() RETURNS trigger LANGUAGE plpgsql
      SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
    DECLARE r gatehouse.${t};
    BEGIN
      IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
      INSERT INTO gatehouse.row_changes (table_name, row_key)
        VALUES ('${t}', jsonb_build_array(${KEYS_0009[t].map((k) => `r.${k}`).join(', ')}));
      RETURN NULL;
    END $$;
    CREATE TRIGGER ${t}_noted AFTER INSERT OR UPDATE OR DELETE ON gatehouse.${t}
      FOR EACH ROW EXECUTE FUNCTION gatehouse.note_${t}();
    REVOKE ALL ON gatehouse.${t} FROM PUBLIC;
    GRANT SELECT ON gatehouse.${t} TO ${READERS};
    GRANT INSERT, UPDATE, DELETE ON gatehouse.${t} TO gatehouse_administrator;
    ALTER TABLE gatehouse.${t} ENABLE ROW LEVEL SECURITY;
    CREATE POLICY ${t}_read ON gatehouse.${t} FOR SELECT USING (true);`,
    ).join('\n')}

    -- Bank holidays, the inactivity sweep's notices and the ESR feed: any administrator (the
    -- permissions those channels need).
    ${['bank_holidays', 'inactivity_notices', 'esr_changes']
      .map(
        (t) =>
          `CREATE POLICY ${t}_write ON gatehouse.${t} FOR ALL TO gatehouse_administrator USING (true) WITH CHECK (true);`,
      )
      .join('\n')}
    -- The Trust's settings: an administrator of every system, as for operator management.
    CREATE POLICY trust_settings_write ON gatehouse.trust_settings FOR ALL TO gatehouse_administrator
      USING (gatehouse.is_unscoped()) WITH CHECK (gatehouse.is_unscoped());
    -- A profile's position: an administrator of every system it proposes accounts on (issue 13 §1),
    -- as the workstation checks; a new profile has none yet, and its accounts are checked row by row.
    CREATE POLICY access_profiles_write ON gatehouse.access_profiles FOR ALL TO gatehouse_administrator
      USING (NOT EXISTS (SELECT 1 FROM gatehouse.access_profile_accounts a
                         WHERE a.profile_id = access_profiles.id AND NOT gatehouse.may_change_system(a.system_id)))
      WITH CHECK (NOT EXISTS (SELECT 1 FROM gatehouse.access_profile_accounts a
                              WHERE a.profile_id = access_profiles.id AND NOT gatehouse.may_change_system(a.system_id)));
    -- The accounts a profile proposes, and a system's orphan accounts: a scoped administrator only
    -- for their own systems (issue 13 §1).
    ${['access_profile_accounts', 'orphan_accounts']
      .map(
        (t) => `CREATE POLICY ${t}_write ON gatehouse.${t} FOR ALL TO gatehouse_administrator
      USING (gatehouse.may_change_system(system_id)) WITH CHECK (gatehouse.may_change_system(system_id));`,
      )
      .join('\n')}
  `,
};
