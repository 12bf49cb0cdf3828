/**
 * The ESR joiner, mover and leaver feed (seed 003): each change ESR reported, kept as a proposal until
 * an administrator accepts or rejects it. The same change imported twice is one row.
 */
import type { Migration } from './types';

export const esrChangesMigration: Migration = {
  version: 11,
  name: 'esr-changes',
  up(db) {
    db.exec(`
      CREATE TABLE esr_changes (
        id               TEXT PRIMARY KEY,
        kind             TEXT NOT NULL CHECK (kind IN ('starter', 'mover', 'leaver')),
        employee_number  TEXT NOT NULL,
        effective_on     TEXT NOT NULL,
        details          TEXT NOT NULL,
        file_name        TEXT NOT NULL,
        line             INTEGER NOT NULL,
        imported_at      TEXT NOT NULL,
        state            TEXT NOT NULL CHECK (state IN ('proposed', 'accepted', 'rejected')),
        decided_at       TEXT,
        decided_by       TEXT REFERENCES operators(id),
        decision_note    TEXT,
        UNIQUE (kind, employee_number, effective_on)
      ) STRICT;
      CREATE INDEX esr_changes_state ON esr_changes (state);
    `);
  },
};
