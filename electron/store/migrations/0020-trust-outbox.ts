/**
 * Offline writes for the Trust register (issue 11 §2): each mutating command is kept in the outbox
 * (channel, validated input, operator, the local audit events it wrote) in the same transaction as
 * its change; triggers capture which synced rows it changed, but only while a command is being
 * recorded (capture_context has its row), so rows applied from the server are not captured back.
 * row_versions holds the server's version of each row, which a push compares and sets.
 */
import { PRIMARY_KEYS, SYNCED_TABLES } from '../../trust/synced-tables';
import type { Migration } from './types';

function keyOf(table: (typeof SYNCED_TABLES)[number], row: 'NEW' | 'OLD'): string {
  return `json_array(${PRIMARY_KEYS[table].map((c) => `${row}.${c}`).join(', ')})`;
}

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
    for (const table of SYNCED_TABLES) {
      for (const [event, row] of [
        ['INSERT', 'NEW'],
        ['UPDATE', 'NEW'],
        ['DELETE', 'OLD'],
      ] as const) {
        db.exec(`
          CREATE TRIGGER ${table}_capture_${event.toLowerCase()} AFTER ${event} ON ${table}
          WHEN EXISTS (SELECT 1 FROM capture_context)
          BEGIN
            INSERT OR IGNORE INTO captured_changes (outbox_id, table_name, row_key)
              SELECT outbox_id, '${table}', ${keyOf(table, row)} FROM capture_context;
          END;`);
      }
    }
  },
};
