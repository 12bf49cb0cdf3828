/**
 * Access review campaigns join the Trust register (server step 10, issue 13 §3). A review item's key
 * was a local integer, which two workstations would both hand out: it becomes a random UUID (existing
 * items get one each), with one item per account per campaign; then both tables' changes are
 * captured for the outbox like every other synced table's.
 */
import { SYNCED_TABLES_0010 } from '../../trust/server/migrations/0010-shared-access-reviews';
import { SQL_UUID } from '../sql-uuid';
import { captureTriggers } from './capture-triggers';
import type { Migration } from './types';

export const sharedAccessReviewsMigration: Migration = {
  version: 25,
  name: 'shared-access-reviews',
  up(db) {
    db.exec(`
      CREATE TABLE review_items_keyed (
        id               TEXT PRIMARY KEY,
        campaign_id      TEXT NOT NULL REFERENCES review_campaigns(id),
        account_id       TEXT NOT NULL REFERENCES accounts(id),
        manager_id       TEXT REFERENCES people(id),
        answer           TEXT CHECK (answer IN ('keep', 'remove', 'change-role')),
        new_role         TEXT,
        answered_by      TEXT,
        answered_on      TEXT,
        escalated_to     TEXT,
        escalated_at     TEXT,
        escalated_to_id  TEXT REFERENCES people(id),
        UNIQUE (campaign_id, account_id)
      ) STRICT;
      INSERT INTO review_items_keyed (id, campaign_id, account_id, manager_id, answer, new_role,
          answered_by, answered_on, escalated_to, escalated_at, escalated_to_id)
        SELECT ${SQL_UUID}, campaign_id, account_id, manager_id, answer, new_role,
          answered_by, answered_on, escalated_to, escalated_at, escalated_to_id
        FROM review_items ORDER BY id;
      DROP TABLE review_items;
      ALTER TABLE review_items_keyed RENAME TO review_items;
      CREATE INDEX review_items_campaign ON review_items (campaign_id, manager_id);
    `);
    for (const table of SYNCED_TABLES_0010) db.exec(captureTriggers(table));
  },
};
