/**
 * Review items travel on the Trust register (issue 13 §3, server step 10), so their key may not be a
 * local counter that another workstation also hands out: the store's migration gives every existing
 * item a random UUID, keeps its answer, and allows one item per account per campaign.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate';
import { MIGRATIONS } from '../../../electron/store/migrations/index';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('review items get keys that are unique across the Trust', () => {
  it('existing items keep their answers under new UUID keys; a second item for one account is refused', () => {
    const step = MIGRATIONS.findIndex((m) => m.name === 'shared-access-reviews');
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, step));
    // Only the item keys are under test: the rows they refer to are not needed.
    db.pragma('foreign_keys = OFF');
    db.prepare(
      `INSERT INTO review_campaigns (id, scope_kind, scope_value, scope_key, due_on, state, started_at)
       VALUES ('c1', 'system', 'rio', 'system:rio', '2030-01-31', 'open', '2030-01-01T09:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO review_items (id, campaign_id, account_id, manager_id, answer, answered_by, answered_on)
       VALUES (1, 'c1', 'a1', 'm1', 'keep', 'Pat Manager', '2030-01-02'), (2, 'c1', 'a2', 'm1', NULL, NULL, NULL)`,
    ).run();

    migrate(db, MIGRATIONS);
    const items = db
      .prepare('SELECT id, account_id, answer, answered_by FROM review_items ORDER BY account_id')
      .all() as { id: string; account_id: string; answer: string | null; answered_by: string | null }[];
    expect(items.map(({ id: _, ...rest }) => rest)).toEqual([
      { account_id: 'a1', answer: 'keep', answered_by: 'Pat Manager' },
      { account_id: 'a2', answer: null, answered_by: null },
    ]);
    for (const item of items) expect(item.id).toMatch(UUID);
    expect(items[0]!.id).not.toBe(items[1]!.id);
    expect(() =>
      db.prepare(`INSERT INTO review_items (id, campaign_id, account_id) VALUES ('x', 'c1', 'a1')`).run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
