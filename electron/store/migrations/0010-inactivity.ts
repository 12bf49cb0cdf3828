/** Inactivity notices (SUS-2): who was told, when, and when deactivation may happen. */
import type { Migration } from './types';

export const inactivityMigration: Migration = {
  version: 10,
  name: 'inactivity',
  up(db) {
    db.exec(`
      CREATE TABLE inactivity_notices (
        id              INTEGER PRIMARY KEY,
        account_id      TEXT NOT NULL REFERENCES accounts(id),
        person_id       TEXT NOT NULL REFERENCES people(id),
        manager_id      TEXT REFERENCES people(id),
        last_activity   TEXT,
        noticed_on      TEXT NOT NULL,
        deactivate_on   TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('notified', 'proposed', 'cleared'))
      ) STRICT;
      CREATE INDEX inactivity_notices_account ON inactivity_notices (account_id, state);
    `);
  },
};
