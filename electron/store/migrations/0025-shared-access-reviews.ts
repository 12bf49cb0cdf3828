/**
 * Access review campaigns join the Trust register (server step 10, issue 13 §3). A review item's key
 * was a local integer, which two workstations would both hand out: it becomes its campaign's id (a
 * random UUID) and the item's number in it, "<campaign>:0000001", unique across the Trust since a
 * campaign's items are all made by the command that starts it. Numbered in order, the keys go into
 * the index in order, so a Trust-wide start stays within its 5 s (a random key per item cost over a
 * second more for 370,000 accounts). Then both tables' changes are captured for the outbox, the
 * reviews already here are noted for the next sync to hand up, and the local one-open-per-scope
 * index goes (the register enforces it Trust-wide).
 */
import { SYNCED_TABLES_0010 } from '../../trust/server/migrations/0010-shared-access-reviews';
import { REVIEW_ITEM_ID } from '../review-item-id';
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
        escalated_to_id  TEXT REFERENCES people(id)
      ) STRICT;
      INSERT INTO review_items_keyed (id, campaign_id, account_id, manager_id, answer, new_role,
          answered_by, answered_on, escalated_to, escalated_at, escalated_to_id)
        SELECT ${REVIEW_ITEM_ID('campaign_id', 'PARTITION BY campaign_id ORDER BY id')}, campaign_id, account_id,
          manager_id, answer, new_role, answered_by, answered_on, escalated_to, escalated_at, escalated_to_id
        FROM review_items ORDER BY campaign_id, id;
      DROP TABLE review_items;
      ALTER TABLE review_items_keyed RENAME TO review_items;
      CREATE INDEX review_items_campaign ON review_items (campaign_id, manager_id);
      -- Reviews started before this step, on a workstation already joined, were never pushed: the
      -- next sync hands them up (reviews:share). On a store not joined yet they go with its first
      -- copy to an empty register, or make way for the register's on joining one.
      CREATE TABLE review_campaigns_to_share (id TEXT PRIMARY KEY) STRICT;
      INSERT INTO review_campaigns_to_share (id) SELECT id FROM review_campaigns;
      -- One open review per scope is the register's to enforce (and reviews:start checks it here): a
      -- replica may hold the register's open review beside one of the same scope that has not gone
      -- up yet, which a pull must be able to write.
      DROP INDEX review_campaigns_open_scope;
    `);
    for (const table of SYNCED_TABLES_0010) db.exec(captureTriggers(table));
  },
};
