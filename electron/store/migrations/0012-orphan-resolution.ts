/**
 * What became of an orphan account (an account a system's export lists that the register does not
 * know): linked to a person, its removal raised with the system's administrator, or removed.
 */
import type { Migration } from './types';

export const orphanResolutionMigration: Migration = {
  version: 12,
  name: 'orphan-resolution',
  up(db) {
    db.exec(`
      ALTER TABLE orphan_accounts ADD COLUMN state TEXT NOT NULL DEFAULT 'open'
        CHECK (state IN ('open', 'linked', 'removal-raised', 'removed'));
      ALTER TABLE orphan_accounts ADD COLUMN resolution_note TEXT;
      ALTER TABLE orphan_accounts ADD COLUMN resolved_at TEXT;
    `);
  },
};
