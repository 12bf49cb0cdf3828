/**
 * Register step 12 (issue 13 §4): a Trust-wide review's items go up in large statements, and the
 * register's rules for them are paid once a statement rather than once a row, with the same effect:
 * an administrator of every system is asked about once, not each item's campaign; every new item is
 * still noted for other workstations' pulls, in its own transaction; nothing commits without its
 * audit event (REP-3); a scoped administrator still cannot add items to a campaign outside their systems.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresMissing } from '../support/postgres';
import { audited, createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const NOW = '2026-11-23T09:00:00.000Z';
const ACCOUNTS = 500;

describe.skipIf(postgresMissing)('a review’s items sent in sets (register step 12)', () => {
  let server: TrustServer;
  let owner: pg.Client;
  let admin: pg.Client;
  let scoped: pg.Client;

  /** As a push sends new rows: one statement for a batch (electron/trust/register-copy.ts). */
  const insertItems = (client: pg.Client, campaignId: string, count = ACCOUNTS) =>
    client.query(
      `INSERT INTO gatehouse.review_items (id, campaign_id, account_id)
       SELECT id, campaign_id, account_id FROM jsonb_populate_recordset(NULL::gatehouse.review_items, $1::jsonb)`,
      [
        JSON.stringify(
          Array.from({ length: count }, (_, i) => ({
            id: `${campaignId}:${i + 1}`,
            campaign_id: campaignId,
            account_id: `a-${i + 1}`,
          })),
        ),
      ],
    );
  const campaign = (client: pg.Client, id: string, kind: string, value: string | null, key: string) =>
    client.query(
      `INSERT INTO gatehouse.review_campaigns (id, scope_kind, scope_value, scope_key, due_on, state, started_at)
       VALUES ($1, $2, $3, $4, '2026-12-07', 'open', $5)`,
      [id, kind, value, key, NOW],
    );

  beforeAll(async () => {
    server = await startTrustServer();
    owner = await server.client();
    const logins = {
      admin: await createLogin(server, 'op_ada', 'gatehouse_administrator'),
      scoped: await createLogin(server, 'op_sam', 'gatehouse_administrator'),
    };
    // Count function calls in the administrator's sessions (a superuser's setting, per login).
    const su = await server.cluster.superClient();
    await su.query(`ALTER ROLE op_ada SET track_functions = 'all'`);
    await su.end();
    await audited(owner, 'catalogue-seeded', async () => {
      await owner.query(
        `INSERT INTO gatehouse.systems (id, name, administrator_title, contact_route, description,
           holds_patient_records, deletion_allowed, direct_care_only, inactivity_days, sla_target_days,
           sla_interim_days, procedure_location) VALUES ('rio', 'RiO', 'Admin', 'email', '', 1, 0, 0, 90, 1, 3, 'x')`,
      );
      for (const [id, login] of [
        ['o-ada', 'op_ada'],
        ['o-sam', 'op_sam'],
      ]) {
        await owner.query(
          `INSERT INTO gatehouse.operators (id, name, role, status, created_at, login)
           VALUES ($1, $1, 'administrator', 'active', $3, $2)`,
          [id, login, NOW],
        );
      }
      await owner.query(
        `INSERT INTO gatehouse.operator_systems (operator_id, system_id) VALUES ('o-sam', 'rio')`,
      );
      // One person and one RiO account each (one account per person, system and kind).
      await owner.query(
        `INSERT INTO gatehouse.people (id, name, organisation, employment_type, created_at, updated_at)
         SELECT 'p-' || n, 'Person ' || n, 'ELFT', 'permanent', $1, $1 FROM generate_series(1, $2::int) n`,
        [NOW, ACCOUNTS],
      );
      await owner.query(
        `INSERT INTO gatehouse.accounts (id, person_id, system_id, role, kind, status, created_at)
         SELECT 'a-' || n, 'p-' || n, 'rio', 'User', 'normal', 'active', $1 FROM generate_series(1, $2::int) n`,
        [NOW, ACCOUNTS],
      );
    });
    admin = await server.client(logins.admin.user, logins.admin.password);
    scoped = await server.client(logins.scoped.user, logins.scoped.password);
  }, 120_000);
  afterAll(async () => {
    for (const c of [owner, admin, scoped]) await c?.end().catch(() => undefined);
    server?.stop();
  });

  it('an administrator of every system is asked once a statement, and each new item is noted in its transaction', async () => {
    const txid = await audited(admin, 'review.started', async () => {
      await campaign(admin, 'c-trust', 'trust', null, 'trust');
      await insertItems(admin, 'c-trust');
      const { rows: calls } = await admin.query<{ funcname: string; calls: string }>(
        `SELECT funcname, calls FROM pg_stat_xact_user_functions
         WHERE funcname IN ('is_unscoped', 'may_change_review_campaign') ORDER BY funcname`,
      );
      // Before step 12: may_change_review_campaign (and is_unscoped inside it) once per item.
      expect(calls.filter((c) => c.funcname === 'may_change_review_campaign')).toEqual([]);
      expect(Number(calls.find((c) => c.funcname === 'is_unscoped')?.calls ?? 0)).toBeLessThanOrEqual(2);
      return (await admin.query<{ txid: string }>('SELECT txid_current() AS txid')).rows[0]!.txid;
    });
    const { rows: noted } = await owner.query<{ n: string; distinct_keys: string }>(
      `SELECT count(*) AS n, count(DISTINCT row_key) AS distinct_keys FROM gatehouse.row_changes
       WHERE table_name = 'review_items' AND txid = $1`,
      [txid],
    );
    expect(noted).toEqual([{ n: String(ACCOUNTS), distinct_keys: String(ACCOUNTS) }]);
    // Updates and removals are still noted row by row.
    await audited(admin, 'review.answered', () =>
      admin.query(`UPDATE gatehouse.review_items SET answer = 'keep' WHERE id = 'c-trust:1'`),
    );
    const { rows: answered } = await owner.query(
      `SELECT row_key FROM gatehouse.row_changes WHERE table_name = 'review_items'
       AND txid = (SELECT max(txid) FROM gatehouse.events)`,
    );
    expect(answered).toEqual([{ row_key: ['c-trust:1'] }]);
  });

  it('a batch without its audit event commits nothing (REP-3)', async () => {
    await admin.query('BEGIN');
    await campaign(admin, 'c-rio', 'system', 'rio', 'system:rio');
    await insertItems(admin, 'c-rio');
    await expect(admin.query('COMMIT')).rejects.toThrow(/audit event in the same transaction \(REP-3\)/);
    const { rows } = await owner.query(
      `SELECT count(*) AS n FROM gatehouse.review_items WHERE campaign_id = 'c-rio'`,
    );
    expect(rows).toEqual([{ n: '0' }]);
  });

  it('a scoped administrator still cannot add a batch of items to a campaign outside their systems', async () => {
    await audited(admin, 'review.started', () => campaign(admin, 'c-team', 'team', 'Ward 5', 'team:ward 5'));
    await expect(audited(scoped, 'review.started', () => insertItems(scoped, 'c-team', 3))).rejects.toThrow(
      /row-level security/,
    );
    await audited(scoped, 'review.started', async () => {
      await campaign(scoped, 'c-sam', 'system', 'rio', 'system:rio');
      await insertItems(scoped, 'c-sam', 3);
    });
    const { rows } = await owner.query(
      `SELECT count(*) AS n FROM gatehouse.review_items WHERE campaign_id = 'c-sam'`,
    );
    expect(rows).toEqual([{ n: '3' }]);
  });
});
