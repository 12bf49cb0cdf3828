/**
 * The link to the Trust register (issue 11): each operator's PostgreSQL login (synced with the
 * register, where the server holds the same column), and this workstation's sync settings and state.
 */
import type { Migration } from './types';

export const trustLinkMigration: Migration = {
  version: 19,
  name: 'trust-link',
  up(db) {
    db.exec(`
      ALTER TABLE operators ADD COLUMN login TEXT;
      CREATE TABLE trust_state (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
