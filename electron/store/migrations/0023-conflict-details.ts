/**
 * What a conflict needs to be explained and resolved (issue 11 §2), recorded when the register
 * refuses a command, because the local store keeps neither the Trust chain nor the rows it lost:
 * the record it concerns, the record it duplicates, what others did to that record since this
 * workstation last saw it, and for a duplicate the pairs of ids (mine, the register's) a link maps.
 */
import type { Migration } from './types';

export const conflictDetailsMigration: Migration = {
  version: 23,
  name: 'conflict-details',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN record_json TEXT;
      ALTER TABLE outbox ADD COLUMN existing_json TEXT;
      ALTER TABLE outbox ADD COLUMN since_json TEXT;
      ALTER TABLE outbox ADD COLUMN links_json TEXT;
    `);
  },
};
