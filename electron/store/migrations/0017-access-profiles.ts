/**
 * Access profiles (issue 13 §1): the accounts a position needs. A position is stored as its four
 * fields, NULL meaning "any", and as one normalised key so the same position is one profile.
 */
import type { Migration } from './types';

export const accessProfilesMigration: Migration = {
  version: 17,
  name: 'access-profiles',
  up(db) {
    db.exec(`
      CREATE TABLE access_profiles (
        id            TEXT PRIMARY KEY,
        job_role      TEXT,
        team          TEXT,
        directorate   TEXT,
        organisation  TEXT,
        position_key  TEXT NOT NULL UNIQUE,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE TABLE access_profile_accounts (
        profile_id    TEXT NOT NULL REFERENCES access_profiles(id) ON DELETE CASCADE,
        system_id     TEXT NOT NULL REFERENCES systems(id),
        role          TEXT NOT NULL,
        purpose_kind  TEXT NOT NULL CHECK (purpose_kind IN ('direct-care', 'administration', 'secondary-use')),
        position      INTEGER NOT NULL,
        PRIMARY KEY (profile_id, system_id)
      ) STRICT;
      CREATE INDEX access_profile_accounts_system ON access_profile_accounts (system_id);
    `);
  },
};
