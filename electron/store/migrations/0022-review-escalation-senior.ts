/**
 * Access reviews (issue 13 §3): an escalated item remembers the senior manager it went to, not only
 * their name, so each senior manager's email draft reaches the person it was escalated to even if a
 * line manager's own manager changes afterwards.
 */
import type { Migration } from './types';

export const reviewEscalationSeniorMigration: Migration = {
  version: 22,
  name: 'review-escalation-senior',
  up(db) {
    db.exec(`
      ALTER TABLE review_items ADD COLUMN escalated_to_id TEXT REFERENCES people(id);
    `);
  },
};
