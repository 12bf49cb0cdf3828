/**
 * What the Trust register enforces for access reviews itself (issue 13 §3, server step 10), tried
 * with plain SQL over each login's own connection, as someone with psql and their own login could:
 * one open campaign per scope, REP-3, auditors read only, and a scoped administrator limited to
 * campaigns of their own systems and to answers on their own systems' accounts.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresMissing } from '../support/postgres';
import { audited, createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const NOW = '2026-11-23T09:00:00.000Z';

describe.skipIf(postgresMissing)('the Trust register’s rules for access reviews', () => {
  let server: TrustServer;
  let owner: pg.Client;
  let admin: pg.Client;
  let scoped: pg.Client;
  let auditor: pg.Client;

  const campaign = (client: pg.Client, id: string, kind: string, value: string | null, key: string) =>
    audited(client, 'review.started', () =>
      client.query(
        `INSERT INTO gatehouse.review_campaigns (id, scope_kind, scope_value, scope_key, due_on, state, started_at)
         VALUES ($1, $2, $3, $4, '2026-12-07', 'open', $5)`,
        [id, kind, value, key, NOW],
      ),
    );
  const item = (client: pg.Client, id: string, campaignId: string, accountId: string) =>
    audited(client, 'review.started', () =>
      client.query(`INSERT INTO gatehouse.review_items (id, campaign_id, account_id) VALUES ($1, $2, $3)`, [
        id,
        campaignId,
        accountId,
      ]),
    );
  const answer = (client: pg.Client, id: string) =>
    audited(client, 'review.answered', () =>
      client.query(
        `UPDATE gatehouse.review_items SET answer = 'keep', answered_by = 'Ngozi Okafor', answered_on = '2026-11-23'
         WHERE id = $1`,
        [id],
      ),
    );
  const close = (client: pg.Client, id: string) =>
    audited(client, 'review.answered', () =>
      client.query(`UPDATE gatehouse.review_campaigns SET state = 'closed', closed_at = $2 WHERE id = $1`, [
        id,
        NOW,
      ]),
    );

  beforeAll(async () => {
    server = await startTrustServer();
    owner = await server.client();
    const logins = {
      admin: await createLogin(server, 'op_ada', 'gatehouse_administrator'),
      scoped: await createLogin(server, 'op_sam', 'gatehouse_administrator'),
      auditor: await createLogin(server, 'op_aud', 'gatehouse_auditor'),
    };
    await audited(owner, 'catalogue-seeded', async () => {
      for (const [id, name] of [
        ['rio', 'RiO'],
        ['emis', 'EMIS'],
      ]) {
        await owner.query(
          `INSERT INTO gatehouse.systems (id, name, administrator_title, contact_route, description,
             holds_patient_records, deletion_allowed, direct_care_only, inactivity_days, sla_target_days,
             sla_interim_days, procedure_location) VALUES ($1, $2, 'Admin', 'email', '', 1, 0, 0, 90, 1, 3, 'x')`,
          [id, name],
        );
      }
      for (const [id, login, role] of [
        ['o-ada', 'op_ada', 'administrator'],
        ['o-sam', 'op_sam', 'administrator'],
        ['o-aud', 'op_aud', 'auditor'],
      ]) {
        await owner.query(
          `INSERT INTO gatehouse.operators (id, name, role, status, created_at, login) VALUES ($1, $1, $3, 'active', $4, $2)`,
          [id, login, role, NOW],
        );
      }
      await owner.query(
        `INSERT INTO gatehouse.operator_systems (operator_id, system_id) VALUES ('o-sam', 'rio')`,
      );
      await owner.query(
        `INSERT INTO gatehouse.people (id, name, organisation, employment_type, created_at, updated_at)
         VALUES ('p-1', 'Sam Patel', 'ELFT', 'permanent', $1, $1)`,
        [NOW],
      );
      for (const [id, system] of [
        ['a-rio', 'rio'],
        ['a-emis', 'emis'],
      ]) {
        await owner.query(
          `INSERT INTO gatehouse.accounts (id, person_id, system_id, role, kind, status, created_at)
           VALUES ($1, 'p-1', $2, 'User', 'normal', 'active', $3)`,
          [id, system, NOW],
        );
      }
    });
    admin = await server.client(logins.admin.user, logins.admin.password);
    scoped = await server.client(logins.scoped.user, logins.scoped.password);
    auditor = await server.client(logins.auditor.user, logins.auditor.password);
    await campaign(admin, 'c-trust', 'trust', null, 'trust');
    await item(admin, 'i-rio', 'c-trust', 'a-rio');
    await item(admin, 'i-emis', 'c-trust', 'a-emis');
  }, 120_000);
  afterAll(async () => {
    for (const c of [owner, admin, scoped, auditor]) await c?.end().catch(() => undefined);
    server?.stop();
  });

  it('one open campaign per scope across the Trust, and none without its audit event (REP-3)', async () => {
    await expect(campaign(admin, 'c-again', 'trust', null, 'trust')).rejects.toThrow(
      /review_campaigns_open_scope/,
    );
    // A scope key that does not name its scope cannot slip past the rule.
    await expect(campaign(admin, 'c-odd', 'trust', null, 'everyone')).rejects.toThrow(/check constraint/);
    await expect(
      admin.query(
        `INSERT INTO gatehouse.review_campaigns (id, scope_kind, scope_value, scope_key, due_on, state, started_at)
         VALUES ('c-silent', 'team', 'Ward 5', 'team:ward 5', '2026-12-07', 'open', $1)`,
        [NOW],
      ),
    ).rejects.toThrow(/REP-3/);
    // One item per account per campaign.
    await expect(item(admin, 'i-twice', 'c-trust', 'a-rio')).rejects.toThrow(
      /review_items_campaign_id_account_id_key/,
    );
  });

  it('an auditor reads the campaigns and writes none', async () => {
    const { rows } = await auditor.query('SELECT id FROM gatehouse.review_items ORDER BY id');
    expect(rows).toEqual([{ id: 'i-emis' }, { id: 'i-rio' }]);
    await expect(campaign(auditor, 'c-aud', 'system', 'emis', 'system:emis')).rejects.toThrow(
      /permission denied/,
    );
    await expect(answer(auditor, 'i-rio')).rejects.toThrow(/permission denied/);
  });

  it('a scoped administrator starts only their own systems’ campaigns and answers only their own systems’ accounts', async () => {
    await expect(campaign(scoped, 'c-team', 'team', 'Ward 5', 'team:ward 5')).rejects.toThrow(
      /row-level security/,
    );
    await expect(campaign(scoped, 'c-emis', 'system', 'emis', 'system:emis')).rejects.toThrow(
      /row-level security/,
    );
    await campaign(scoped, 'c-rio', 'system', 'rio', 'system:rio');
    await item(scoped, 'i-rio-2', 'c-rio', 'a-rio');
    await expect(item(scoped, 'i-sneak', 'c-trust', 'a-rio')).rejects.toThrow(/row-level security/);
    // Their own campaign takes only their own systems' accounts.
    await expect(item(scoped, 'i-emis-2', 'c-rio', 'a-emis')).rejects.toThrow(/row-level security/);
    // Nor can they move their campaign to another system, or a wider review's item into it.
    await expect(
      audited(scoped, 'review.started', () =>
        scoped.query(
          `UPDATE gatehouse.review_campaigns SET scope_value = 'emis', scope_key = 'system:emis'
           WHERE id = 'c-rio'`,
        ),
      ),
    ).rejects.toThrow(/outside your systems/);
    await expect(
      audited(scoped, 'review.answered', () =>
        scoped.query(`UPDATE gatehouse.review_items SET campaign_id = 'c-rio' WHERE id = 'i-rio'`),
      ),
    ).rejects.toThrow(/outside your systems/);

    // In the Trust-wide campaign: their RiO account's answer, not EMIS's (that row is out of reach).
    expect((await answer(scoped, 'i-rio')).rowCount).toBe(1);
    expect((await answer(scoped, 'i-emis')).rowCount).toBe(0);
    // Closing it while EMIS is unanswered, or changing its due date, is not theirs to do.
    await expect(close(scoped, 'c-trust')).rejects.toThrow(/outside your systems/);
    await expect(
      audited(scoped, 'review.started', () =>
        scoped.query(`UPDATE gatehouse.review_campaigns SET due_on = '2027-06-30' WHERE id = 'c-trust'`),
      ),
    ).rejects.toThrow(/outside your systems/);
    // Once every account is answered, the last answer may close it, whoever records it.
    expect((await answer(admin, 'i-emis')).rowCount).toBe(1);
    await close(scoped, 'c-trust');
    const { rows } = await owner.query(
      `SELECT state, due_on FROM gatehouse.review_campaigns WHERE id = 'c-trust'`,
    );
    expect(rows).toEqual([{ state: 'closed', due_on: '2026-12-07' }]);
  });
});
