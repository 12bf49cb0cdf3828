/**
 * Last sign-in imports (SUS-2): each system's export column mapping is saved in the catalogue, and
 * usernames the register does not know are kept as orphan accounts until someone deals with them.
 */
import type { Migration } from './types';

export const activityMigration: Migration = {
  version: 9,
  name: 'activity',
  up(db) {
    db.exec(`
      ALTER TABLE systems ADD COLUMN activity_username_column TEXT;
      ALTER TABLE systems ADD COLUMN activity_date_column TEXT;
      CREATE TABLE orphan_accounts (
        system_id       TEXT NOT NULL REFERENCES systems(id),
        username        TEXT NOT NULL,
        last_sign_in    TEXT,
        first_found_at  TEXT NOT NULL,
        last_found_at   TEXT NOT NULL,
        PRIMARY KEY (system_id, username)
      ) STRICT;
    `);
  },
};
