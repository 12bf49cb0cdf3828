/**
 * Access reviews (issue 13 §3): a campaign over a system, a team or the whole Trust, and one item per
 * account in it, answered on the line manager's word. One open campaign per scope.
 */
import type { Migration } from './types';

export const accessReviewsMigration: Migration = {
  version: 18,
  name: 'access-reviews',
  up(db) {
    db.exec(`
      CREATE TABLE review_campaigns (
        id           TEXT PRIMARY KEY,
        scope_kind   TEXT NOT NULL CHECK (scope_kind IN ('system', 'team', 'trust')),
        scope_value  TEXT,
        scope_key    TEXT NOT NULL,
        due_on       TEXT NOT NULL,
        state        TEXT NOT NULL CHECK (state IN ('open', 'closed')),
        started_at   TEXT NOT NULL,
        started_by   TEXT REFERENCES operators(id),
        closed_at    TEXT
      ) STRICT;
      CREATE UNIQUE INDEX review_campaigns_open_scope ON review_campaigns (scope_key) WHERE state = 'open';
      CREATE TABLE review_items (
        id            INTEGER PRIMARY KEY,
        campaign_id   TEXT NOT NULL REFERENCES review_campaigns(id),
        account_id    TEXT NOT NULL REFERENCES accounts(id),
        manager_id    TEXT REFERENCES people(id),
        answer        TEXT CHECK (answer IN ('keep', 'remove', 'change-role')),
        new_role      TEXT,
        answered_by   TEXT,
        answered_on   TEXT,
        escalated_to  TEXT,
        escalated_at  TEXT
      ) STRICT;
      CREATE INDEX review_items_campaign ON review_items (campaign_id, manager_id);
    `);
  },
};
