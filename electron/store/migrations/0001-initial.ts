/**
 * The foundation schema: store metadata, operators, settings and the append-only audit chain.
 * The triggers make the audit table append-only in the database itself, and refuse an insert
 * that does not extend the chain, so no code path (or hand-written SQL) can rewrite history.
 */
import type { Migration } from './types';

export const initialMigration: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE operators (
        id                     TEXT PRIMARY KEY,
        name                   TEXT NOT NULL,
        role                   TEXT NOT NULL CHECK (role IN ('administrator', 'ra-officer', 'auditor')),
        status                 TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
        created_at             TEXT NOT NULL,
        created_by             TEXT REFERENCES operators(id),
        revoked_at             TEXT,
        revoked_by             TEXT REFERENCES operators(id),
        last_sign_in_at        TEXT,
        passphrase_changed_at  TEXT
      ) STRICT;
      CREATE UNIQUE INDEX operators_active_name ON operators (lower(name)) WHERE status = 'active';

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_events (
        seq            INTEGER PRIMARY KEY,
        at             TEXT NOT NULL,
        operator_id    TEXT,
        operator_name  TEXT,
        action         TEXT NOT NULL,
        subject_type   TEXT,
        subject_id     TEXT,
        subject_label  TEXT,
        reason         TEXT,
        instructed_by  TEXT,
        before_json    TEXT,
        after_json     TEXT,
        prev_hash      TEXT NOT NULL,
        hash           TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX audit_events_action ON audit_events (action);
      CREATE INDEX audit_events_operator ON audit_events (operator_id);
      CREATE INDEX audit_events_subject ON audit_events (subject_type, subject_id);

      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
      BEGIN
        SELECT RAISE(ABORT, 'audit events are append-only: they cannot be changed');
      END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
      BEGIN
        SELECT RAISE(ABORT, 'audit events are append-only: they cannot be deleted');
      END;
      CREATE TRIGGER audit_events_extend_chain BEFORE INSERT ON audit_events
      WHEN NEW.seq IS NOT (SELECT coalesce(max(seq), 0) + 1 FROM audit_events)
        OR NEW.prev_hash IS NOT coalesce(
             (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1),
             '0000000000000000000000000000000000000000000000000000000000000000')
      BEGIN
        SELECT RAISE(ABORT, 'audit events must extend the end of the chain');
      END;
    `);
  },
};
