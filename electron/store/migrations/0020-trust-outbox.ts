/**
 * Offline writes for the Trust register (issue 11 §2): each mutating command is kept in the outbox
 * (channel, validated input, operator, the local audit events it wrote) in the same transaction as
 * its change; triggers capture which synced rows it changed, but only while a command is being
 * recorded (capture_context has its row), so rows applied from the server are not captured back.
 * row_versions holds the server's version of each row, which a push compares and sets.
 */
import { SYNCED_TABLES_0001 } from '../../trust/server/migrations/0001-roles-and-register';
import { captureTriggers } from './capture-triggers';
import type { Migration } from './types';

export const trustOutboxMigration: Migration = {
  version: 20,
  name: 'trust-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id           INTEGER PRIMARY KEY,
        command_id   TEXT NOT NULL UNIQUE,
        channel      TEXT NOT NULL,
        input_json   TEXT NOT NULL,
        operator_id  TEXT NOT NULL,
        first_seq    INTEGER,
        last_seq     INTEGER,
        state        TEXT NOT NULL CHECK (state IN ('queued', 'pushed', 'conflict', 'replay', 'superseded')),
        problem      TEXT,
        created_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outbox_state ON outbox (state, id);

      CREATE TABLE captured_changes (
        outbox_id   INTEGER NOT NULL REFERENCES outbox(id),
        table_name  TEXT NOT NULL,
        row_key     TEXT NOT NULL,
        PRIMARY KEY (outbox_id, table_name, row_key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE capture_context (
        one        INTEGER PRIMARY KEY CHECK (one = 1),
        outbox_id  INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE row_versions (
        table_name  TEXT NOT NULL,
        row_key     TEXT NOT NULL,
        version     INTEGER NOT NULL,
        PRIMARY KEY (table_name, row_key)
      ) STRICT, WITHOUT ROWID;
    `);
    // The tables synced when this step shipped; later ones get their triggers in their own step.
    for (const table of SYNCED_TABLES_0001) db.exec(captureTriggers(table));
  },
};
