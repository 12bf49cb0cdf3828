/** Lookups by account, which de-registering many leavers at once does for every account. */
import type { Migration } from './types';

export const accountIndexesMigration: Migration = {
  version: 8,
  name: 'account-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX tasks_account ON tasks (account_id) WHERE account_id IS NOT NULL;
      CREATE INDEX suspensions_account ON suspensions (account_id);
      CREATE INDEX requests_account ON requests (account_id) WHERE account_id IS NOT NULL;
    `);
  },
};
