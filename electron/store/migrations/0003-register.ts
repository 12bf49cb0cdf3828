/**
 * The register: people, their accounts on catalogue systems, and a full-text index for searching
 * by name, employee number, smartcard UUID or username as the operator types.
 */
import type { Migration } from './types';

export const registerMigration: Migration = {
  version: 3,
  name: 'register',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id               TEXT PRIMARY KEY,
        employee_number  TEXT UNIQUE,
        name             TEXT NOT NULL,
        job_role         TEXT,
        team             TEXT,
        directorate      TEXT,
        organisation     TEXT,
        line_manager_id  TEXT REFERENCES people(id),
        employment_type  TEXT NOT NULL CHECK (employment_type IN ('permanent', 'fixed-term', 'bank', 'agency', 'temporary')),
        finishing_date   TEXT,
        smartcard_uuid   TEXT UNIQUE,
        email            TEXT,
        digital_staff    INTEGER NOT NULL DEFAULT 0 CHECK (digital_staff IN (0, 1)),
        status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'leaver')),
        left_on          TEXT,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX people_line_manager ON people (line_manager_id);
      CREATE INDEX people_team ON people (team);

      CREATE TABLE accounts (
        id                    TEXT PRIMARY KEY,
        person_id             TEXT NOT NULL REFERENCES people(id),
        system_id             TEXT NOT NULL REFERENCES systems(id),
        role                  TEXT NOT NULL,
        kind                  TEXT NOT NULL CHECK (kind IN ('normal', 'admin', 'generic')),
        username              TEXT,
        status                TEXT NOT NULL CHECK (status IN ('pending', 'active', 'suspended', 'disabled', 'deleted')),
        created_at            TEXT NOT NULL,
        last_activity_at      TEXT,
        generic_ig_reference  TEXT,
        generic_end_date      TEXT,
        CHECK (kind <> 'generic' OR (generic_ig_reference IS NOT NULL AND generic_end_date IS NOT NULL))
      ) STRICT;
      CREATE INDEX accounts_person ON accounts (person_id);
      CREATE INDEX accounts_system_status ON accounts (system_id, status);
      CREATE INDEX accounts_username ON accounts (system_id, username);
      -- REG-4: one live account of each kind per person per system, enforced by the database too.
      CREATE UNIQUE INDEX accounts_one_per_kind ON accounts (person_id, system_id, kind)
        WHERE status IN ('pending', 'active', 'suspended');

      CREATE INDEX people_name ON people (name COLLATE NOCASE);

      -- One row per person, rowid = people.rowid: name, employee number, smartcard UUID, usernames.
      CREATE VIRTUAL TABLE people_search USING fts5(
        terms,
        prefix = '2 3',
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};
