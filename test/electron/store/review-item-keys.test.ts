/**
 * Review items travel on the Trust register (issue 13 §3, server step 10), so their key may not be a
 * local counter that another workstation also hands out: the store's migration keys every existing
 * item by its campaign's id and its number in it, and keeps its answer; new campaigns do the same.
 * The reviews already in the store are noted, to go up to the register with the next sync.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations/index';

describe('review items get keys that are unique across the Trust', () => {
  it('existing items keep their answers under their campaign’s id and their number in it', () => {
    const step = MIGRATIONS.findIndex((m) => m.name === 'shared-access-reviews');
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, step));
    // Only the item keys are under test: the rows they refer to are not needed.
    db.pragma('foreign_keys = OFF');
    db.prepare(
      `INSERT INTO review_campaigns (id, scope_kind, scope_value, scope_key, due_on, state, started_at)
       VALUES ('c1', 'system', 'rio', 'system:rio', '2030-01-31', 'open', '2030-01-01T09:00:00.000Z'),
              ('c2', 'trust', NULL, 'trust', '2030-01-31', 'open', '2030-01-01T09:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO review_items (id, campaign_id, account_id, manager_id, answer, answered_by, answered_on)
       VALUES (1, 'c1', 'a1', 'm1', 'keep', 'Pat Manager', '2030-01-02'), (2, 'c2', 'a1', 'm1', NULL, NULL, NULL),
              (3, 'c1', 'a2', 'm1', NULL, NULL, NULL)`,
    ).run();

    migrate(db, MIGRATIONS);
    expect(
      db
        .prepare('SELECT id, campaign_id, account_id, answer, answered_by FROM review_items ORDER BY id')
        .all(),
    ).toEqual([
      { id: 'c1:0000001', campaign_id: 'c1', account_id: 'a1', answer: 'keep', answered_by: 'Pat Manager' },
      { id: 'c1:0000002', campaign_id: 'c1', account_id: 'a2', answer: null, answered_by: null },
      { id: 'c2:0000001', campaign_id: 'c2', account_id: 'a1', answer: null, answered_by: null },
    ]);
    // Reviews made before this step are noted for the next sync to hand up to the Trust register.
    expect(db.prepare('SELECT id FROM review_campaigns_to_share ORDER BY id').all()).toEqual([
      { id: 'c1' },
      { id: 'c2' },
    ]);
    db.close();
  });
});
