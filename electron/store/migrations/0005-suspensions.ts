/** Temporary suspensions (SUS-1..SUS-4) and their lifting (SUS-3, RRG-1). */
import type { Migration } from './types';

export const suspensionsMigration: Migration = {
  version: 5,
  name: 'suspensions',
  up(db) {
    db.exec(`
      CREATE TABLE suspensions (
        id                TEXT PRIMARY KEY,
        account_id        TEXT NOT NULL REFERENCES accounts(id),
        person_id         TEXT NOT NULL REFERENCES people(id),
        system_id         TEXT NOT NULL REFERENCES systems(id),
        reason            TEXT NOT NULL CHECK (reason IN ('security-investigation', 'disciplinary', 'long-term-absence', 'inactivity', 'other')),
        note              TEXT,
        instructed_by     TEXT NOT NULL,
        instructed_role   TEXT NOT NULL CHECK (instructed_role IN ('director', 'line-manager', 'system-administrator')),
        urgent            INTEGER NOT NULL CHECK (urgent IN (0, 1)),
        starts_on         TEXT NOT NULL,
        review_on         TEXT NOT NULL,
        state             TEXT NOT NULL CHECK (state IN ('in-force', 'lifted')),
        lifted_at         TEXT,
        lift_reason       TEXT,
        lift_approved_by  TEXT,
        created_at        TEXT NOT NULL,
        created_by        TEXT NOT NULL REFERENCES operators(id)
      ) STRICT;
      CREATE INDEX suspensions_person ON suspensions (person_id);
      CREATE INDEX suspensions_state ON suspensions (state);
    `);
  },
};
