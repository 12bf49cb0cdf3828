/**
 * The inactivity sweep and the inactive users report (SUS-2, REP-1) ask, per system, for the active
 * accounts last seen before a date. Without this index that meant reading every active account. It
 * leaves status out (not even as a partial-index condition) so that de-registering thousands of
 * leavers' accounts, which changes only their status, does not have to maintain it.
 */
import type { Migration } from './types';

export const accountLastSeenIndexMigration: Migration = {
  version: 13,
  name: 'account-last-seen-index',
  up(db) {
    db.exec(`
      CREATE INDEX accounts_last_seen ON accounts (system_id, coalesce(last_activity_at, created_at));
    `);
  },
};
