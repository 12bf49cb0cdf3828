/**
 * The group roles and the register's tables, column for column as in the workstation's store (so a
 * row travels unchanged; a test compares the two), each row with a `row_version` the server bumps on
 * every update, which pushes compare and set. Dates stay ISO text as on the workstation.
 * Foreign keys are deferred: one command's rows arrive in one transaction in any order.
 */
import type { ServerMigration } from './types';

const GROUP_ROLES = ['gatehouse_administrator', 'gatehouse_ra_officer', 'gatehouse_auditor'];

const createRoles = GROUP_ROLES.map(
  (role) =>
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} NOLOGIN; END IF;
     END $$;`,
).join('\n');

const FK = 'DEFERRABLE INITIALLY DEFERRED';

export const SYNCED_TABLES_0001 = [
  'operators',
  'operator_systems',
  'systems',
  'system_roles',
  'licence_allocations',
  'people',
  'accounts',
  'suspensions',
  'requests',
  'tasks',
] as const;

export const rolesAndRegisterMigration: ServerMigration = {
  version: 1,
  name: 'roles-and-register',
  sql: `
    ${createRoles}

    CREATE TABLE gatehouse.operators (
      id                     text PRIMARY KEY,
      name                   text NOT NULL,
      role                   text NOT NULL CHECK (role IN ('administrator', 'ra-officer', 'auditor')),
      status                 text NOT NULL CHECK (status IN ('active', 'revoked')),
      created_at             text NOT NULL,
      created_by             text REFERENCES gatehouse.operators(id) ${FK},
      revoked_at             text,
      revoked_by             text REFERENCES gatehouse.operators(id) ${FK},
      last_sign_in_at        text,
      passphrase_changed_at  text,
      card_uuid              text,
      -- The operator's own PostgreSQL login (one per operator, SCRAM); null until it is created.
      login                  text UNIQUE,
      row_version            bigint NOT NULL DEFAULT 1
    );
    CREATE UNIQUE INDEX operators_active_name ON gatehouse.operators (lower(name)) WHERE status = 'active';

    CREATE TABLE gatehouse.systems (
      id                        text PRIMARY KEY,
      name                      text NOT NULL UNIQUE,
      administrator_title       text NOT NULL,
      contact_route             text NOT NULL,
      description               text NOT NULL,
      holds_patient_records     integer NOT NULL CHECK (holds_patient_records IN (0, 1)),
      deletion_allowed          integer NOT NULL CHECK (deletion_allowed IN (0, 1)),
      direct_care_only          integer NOT NULL CHECK (direct_care_only IN (0, 1)),
      inactivity_days           integer NOT NULL,
      sla_target_days           integer NOT NULL CHECK (sla_target_days >= 0),
      sla_interim_days          integer NOT NULL CHECK (sla_interim_days >= 0),
      procedure_location        text NOT NULL,
      procedure_reviewed_on     text,
      down_since                text,
      down_severity             text CHECK (down_severity IN ('critical', 'high', 'moderate', 'standard')),
      down_note                 text,
      activity_username_column  text,
      activity_date_column      text,
      row_version               bigint NOT NULL DEFAULT 1
    );

    CREATE TABLE gatehouse.operator_systems (
      operator_id  text NOT NULL REFERENCES gatehouse.operators(id) ${FK},
      system_id    text NOT NULL REFERENCES gatehouse.systems(id) ${FK},
      row_version  bigint NOT NULL DEFAULT 1,
      PRIMARY KEY (operator_id, system_id)
    );

    CREATE TABLE gatehouse.system_roles (
      system_id      text NOT NULL REFERENCES gatehouse.systems(id) ${FK},
      name           text NOT NULL,
      prerequisites  text NOT NULL,
      position       integer NOT NULL,
      row_version    bigint NOT NULL DEFAULT 1,
      PRIMARY KEY (system_id, name)
    );

    CREATE TABLE gatehouse.licence_allocations (
      system_id     text NOT NULL REFERENCES gatehouse.systems(id) ${FK},
      organisation  text NOT NULL,
      year          integer NOT NULL,
      allocation    integer NOT NULL CHECK (allocation >= 0),
      row_version   bigint NOT NULL DEFAULT 1,
      PRIMARY KEY (system_id, organisation, year)
    );

    CREATE TABLE gatehouse.people (
      id               text PRIMARY KEY,
      employee_number  text UNIQUE,
      name             text NOT NULL,
      job_role         text,
      team             text,
      directorate      text,
      organisation     text,
      line_manager_id  text REFERENCES gatehouse.people(id) ${FK},
      employment_type  text NOT NULL CHECK (employment_type IN ('permanent', 'fixed-term', 'bank', 'agency', 'temporary')),
      finishing_date   text,
      smartcard_uuid   text UNIQUE,
      email            text,
      digital_staff    integer NOT NULL DEFAULT 0 CHECK (digital_staff IN (0, 1)),
      status           text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'leaver')),
      left_on          text,
      created_at       text NOT NULL,
      updated_at       text NOT NULL,
      row_version      bigint NOT NULL DEFAULT 1
    );
    CREATE INDEX people_organisation ON gatehouse.people (lower(organisation));

    CREATE TABLE gatehouse.accounts (
      id                    text PRIMARY KEY,
      person_id             text NOT NULL REFERENCES gatehouse.people(id) ${FK},
      system_id             text NOT NULL REFERENCES gatehouse.systems(id) ${FK},
      role                  text NOT NULL,
      kind                  text NOT NULL CHECK (kind IN ('normal', 'admin', 'generic')),
      username              text,
      status                text NOT NULL CHECK (status IN ('pending', 'active', 'suspended', 'disabled', 'deleted')),
      created_at            text NOT NULL,
      last_activity_at      text,
      generic_ig_reference  text,
      generic_end_date      text,
      row_version           bigint NOT NULL DEFAULT 1,
      CHECK (kind <> 'generic' OR (generic_ig_reference IS NOT NULL AND generic_end_date IS NOT NULL))
    );
    CREATE INDEX accounts_person ON gatehouse.accounts (person_id);
    CREATE INDEX accounts_system_status ON gatehouse.accounts (system_id, status);
    -- REG-4: one live account of each kind per person per system, whatever any workstation believes.
    CREATE UNIQUE INDEX accounts_one_per_kind ON gatehouse.accounts (person_id, system_id, kind)
      WHERE status IN ('pending', 'active', 'suspended');

    CREATE TABLE gatehouse.suspensions (
      id                text PRIMARY KEY,
      account_id        text NOT NULL REFERENCES gatehouse.accounts(id) ${FK},
      person_id         text NOT NULL REFERENCES gatehouse.people(id) ${FK},
      system_id         text NOT NULL REFERENCES gatehouse.systems(id) ${FK},
      reason            text NOT NULL,
      note              text,
      instructed_by     text NOT NULL,
      instructed_role   text NOT NULL,
      urgent            integer NOT NULL CHECK (urgent IN (0, 1)),
      starts_on         text NOT NULL,
      review_on         text NOT NULL,
      state             text NOT NULL CHECK (state IN ('in-force', 'lifted')),
      lifted_at         text,
      lift_reason       text,
      lift_approved_by  text,
      created_at        text NOT NULL,
      created_by        text NOT NULL REFERENCES gatehouse.operators(id) ${FK},
      row_version       bigint NOT NULL DEFAULT 1
    );

    CREATE TABLE gatehouse.requests (
      id                       text PRIMARY KEY,
      reference                text NOT NULL,
      type                     text NOT NULL CHECK (type IN ('new-user', 'amendment', 'deletion', 'reactivation')),
      person_id                text NOT NULL REFERENCES gatehouse.people(id) ${FK},
      system_id                text NOT NULL REFERENCES gatehouse.systems(id) ${FK},
      role                     text,
      account_kind             text NOT NULL CHECK (account_kind IN ('normal', 'admin', 'generic')),
      account_id               text REFERENCES gatehouse.accounts(id) ${FK},
      purpose                  text NOT NULL,
      purpose_kind             text NOT NULL,
      authorised_by            text,
      authorised_on            text,
      authorised_how           text,
      prerequisites_met        text NOT NULL DEFAULT '[]',
      generic_ig_reference     text,
      generic_end_date         text,
      licence_override_reason  text,
      state                    text NOT NULL,
      state_note               text,
      received_at              text NOT NULL,
      sla_started_on           text,
      sla_target_due           text,
      sla_interim_due          text,
      completed_at             text,
      created_by               text NOT NULL REFERENCES gatehouse.operators(id) ${FK},
      row_version              bigint NOT NULL DEFAULT 1
    );

    CREATE TABLE gatehouse.tasks (
      id           text PRIMARY KEY,
      request_id   text REFERENCES gatehouse.requests(id) ${FK},
      person_id    text NOT NULL REFERENCES gatehouse.people(id) ${FK},
      system_id    text NOT NULL REFERENCES gatehouse.systems(id) ${FK},
      account_id   text REFERENCES gatehouse.accounts(id) ${FK},
      action       text NOT NULL,
      new_role     text,
      description  text NOT NULL,
      state        text NOT NULL CHECK (state IN ('open', 'done', 'cancelled')),
      details      text,
      created_at   text NOT NULL,
      done_at      text,
      done_by      text REFERENCES gatehouse.operators(id) ${FK},
      incident_id  text,
      row_version  bigint NOT NULL DEFAULT 1
    );

    -- Every update bumps the row's version, so a push that read an older version is refused.
    CREATE FUNCTION gatehouse.bump_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.row_version := OLD.row_version + 1;
      RETURN NEW;
    END $$;
    ${SYNCED_TABLES_0001.map(
      (table) =>
        `CREATE TRIGGER ${table}_row_version BEFORE UPDATE ON gatehouse.${table}
           FOR EACH ROW EXECUTE FUNCTION gatehouse.bump_row_version();`,
    ).join('\n')}
  `,
};
