/**
 * What PostgreSQL enforces itself (issue 11 §1), tried with plain SQL over each login's own
 * connection, as someone with psql and their own login could: REG-4, REG-10, the append-only Trust
 * chain, REP-3 (no change without its audit event), scoped administrators, read-only auditors.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTrustChain, type TrustEventRow } from '../../electron/trust/trust-chain';
import { postgresMissing } from '../support/postgres';
import { audited, createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const NOW = '2026-11-23T09:00:00.000Z';

describe.skipIf(postgresMissing)('the Trust register enforces its rules', () => {
  let server: TrustServer;
  let owner: pg.Client;
  let admin: pg.Client;
  let scoped: pg.Client;
  let auditor: pg.Client;
  let year: number;

  async function person(client: pg.Client, id: string, organisation = 'Oxford Health'): Promise<void> {
    await audited(client, 'person-registered', () =>
      client.query(
        `INSERT INTO gatehouse.people (id, name, organisation, employment_type, created_at, updated_at)
         VALUES ($1, $1, $2, 'permanent', $3, $3)`,
        [id, organisation, NOW],
      ),
    );
  }
  function account(client: pg.Client, id: string, personId: string, system: string, kind = 'normal') {
    return audited(client, 'account-registered', () =>
      client.query(
        `INSERT INTO gatehouse.accounts (id, person_id, system_id, role, kind, status, created_at)
         VALUES ($1, $2, $3, 'User', $4, 'active', $5)`,
        [id, personId, system, kind, NOW],
      ),
    );
  }

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
        ['connecting-care', 'Connecting Care'],
      ]) {
        await owner.query(
          `INSERT INTO gatehouse.systems (id, name, administrator_title, contact_route, description,
             holds_patient_records, deletion_allowed, direct_care_only, inactivity_days, sla_target_days,
             sla_interim_days, procedure_location) VALUES ($1, $2, 'Admin', 'email', '', 1, 0, 0, 90, 1, 3, 'x')`,
          [id, name],
        );
      }
      for (const [id, name, login] of [
        ['o-ada', 'Ada', 'op_ada'],
        ['o-sam', 'Sam', 'op_sam'],
        ['o-aud', 'Aud', 'op_aud'],
      ]) {
        await owner.query(
          `INSERT INTO gatehouse.operators (id, name, role, status, created_at, login)
           VALUES ($1, $2, 'administrator', 'active', $3, $4)`,
          [id, name, NOW, login],
        );
      }
      await owner.query(
        `INSERT INTO gatehouse.operator_systems (operator_id, system_id) VALUES ('o-sam', 'rio')`,
      );
    });
    admin = await server.client(logins.admin.user, logins.admin.password);
    scoped = await server.client(logins.scoped.user, logins.scoped.password);
    auditor = await server.client(logins.auditor.user, logins.auditor.password);
    year = Number(
      (
        await owner.query<{ y: string }>(
          `SELECT extract(year FROM now() AT TIME ZONE 'Europe/London')::int AS y`,
        )
      ).rows[0]!.y,
    );
  }, 120_000);
  afterAll(async () => {
    for (const c of [owner, admin, scoped, auditor]) await c?.end().catch(() => undefined);
    server?.stop();
  });

  it('REG-4: one live account of each kind per person per system', async () => {
    await person(admin, 'p-reg4');
    await account(admin, 'a-1', 'p-reg4', 'rio');
    await expect(account(admin, 'a-2', 'p-reg4', 'rio')).rejects.toThrow(/accounts_one_per_kind/);
    await account(admin, 'a-3', 'p-reg4', 'rio', 'admin');
    await audited(admin, 'account-disabled', () =>
      admin.query(`UPDATE gatehouse.accounts SET status = 'disabled' WHERE id = 'a-1'`),
    );
    await account(admin, 'a-4', 'p-reg4', 'rio');
  });

  it('REG-10: the last licence goes once, even to two logins at the same moment; an administrator may override', async () => {
    await audited(owner, 'licence-set', () =>
      owner.query(
        `INSERT INTO gatehouse.licence_allocations (system_id, organisation, year, allocation)
         VALUES ('connecting-care', 'Berkshire', $1, 2)`,
        [year],
      ),
    );
    for (const id of ['p-b1', 'p-b2', 'p-b3', 'p-b4']) await person(admin, id, 'Berkshire');
    await account(admin, 'cc-1', 'p-b1', 'connecting-care');
    const other = await server.client();
    try {
      const outcomes = await Promise.allSettled([
        account(admin, 'cc-2', 'p-b2', 'connecting-care'),
        account(other, 'cc-3', 'p-b3', 'connecting-care'),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(String(refused.reason)).toMatch(/has used all 2 connecting-care licences .*REG-10/);
    } finally {
      await other.end();
    }
    await audited(admin, 'account-registered', async () => {
      await admin.query(`SET LOCAL gatehouse.licence_override = 'Ward opening, approved by the CCIO'`);
      await admin.query(
        `INSERT INTO gatehouse.accounts (id, person_id, system_id, role, kind, status, created_at)
         VALUES ('cc-4', 'p-b4', 'connecting-care', 'User', 'normal', 'active', $1)`,
        [NOW],
      );
    });
    const { rows } = await owner.query(
      `SELECT count(*)::int AS n FROM gatehouse.accounts WHERE system_id = 'connecting-care'`,
    );
    expect(rows[0].n).toBe(3);
  });

  it('REP-3: a register change without its audit event does not commit', async () => {
    await admin.query('BEGIN');
    await admin.query(
      `INSERT INTO gatehouse.people (id, name, employment_type, created_at, updated_at) VALUES ('p-x', 'X', 'bank', $1, $1)`,
      [NOW],
    );
    await expect(admin.query('COMMIT')).rejects.toThrow(/needs its audit event .*REP-3/);
    const { rowCount } = await owner.query(`SELECT 1 FROM gatehouse.people WHERE id = 'p-x'`);
    expect(rowCount).toBe(0);
  });

  it('the Trust chain is append-only for everyone, its owner included', async () => {
    for (const client of [owner, admin]) {
      await expect(
        client.query(`UPDATE gatehouse.events SET action = 'nothing' WHERE seq = 1`),
      ).rejects.toThrow(/append-only|permission denied/);
      await expect(client.query('DELETE FROM gatehouse.events WHERE seq = 1')).rejects.toThrow(
        /append-only|permission denied/,
      );
      await expect(client.query('TRUNCATE gatehouse.events')).rejects.toThrow(
        /append-only|permission denied/,
      );
    }
    await expect(
      admin.query(
        `INSERT INTO gatehouse.events (seq, recorded_at, db_user, at, action, prev_hash, hash) VALUES (999, 'x', 'op_ada', 'x', 'forged', 'x', 'y')`,
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      owner.query(
        `INSERT INTO gatehouse.events (seq, recorded_at, db_user, at, action, prev_hash, hash)
         SELECT max(seq) + 1, 'x', session_user, 'x', 'forged', (SELECT hash FROM gatehouse.events ORDER BY seq DESC LIMIT 1), 'y' FROM gatehouse.events`,
      ),
    ).rejects.toThrow(/must extend the end of the chain/);
  });

  it('each event names the login that wrote it, and the chain verifies under concurrent appends', async () => {
    const writers = await Promise.all([0, 1, 2, 3].map(() => server.client()));
    try {
      await Promise.all(
        writers.map(async (client, w) => {
          for (let i = 0; i < 25; i += 1) await audited(client, `concurrent-${w}`, async () => undefined);
        }),
      );
    } finally {
      await Promise.all(writers.map((c) => c.end()));
    }
    const { rows } = await owner.query<TrustEventRow & { db_user: string }>(
      'SELECT * FROM gatehouse.events ORDER BY seq',
    );
    expect(verifyTrustChain(rows)).toMatchObject({ valid: true, count: rows.length });
    expect(rows.filter((r) => r.action === 'account-registered').map((r) => r.db_user)).toContain('op_ada');
    const tampered = rows.map((r) => (Number(r.seq) === 3 ? { ...r, action: 'rewritten' } : r));
    expect(verifyTrustChain(tampered)).toMatchObject({
      valid: false,
      problem: expect.stringMatching(/event 3/),
    });
  });

  it('a scoped administrator cannot change another system’s rows with their own login', async () => {
    await person(admin, 'p-scope');
    await account(admin, 'cc-scope', 'p-scope', 'connecting-care');
    await expect(account(scoped, 'cc-sam', 'p-scope', 'rio')).resolves.toBeDefined();
    const update = await audited(scoped, 'account-suspended', () =>
      scoped.query(`UPDATE gatehouse.accounts SET status = 'suspended' WHERE id = 'cc-scope'`),
    );
    expect(update.rowCount).toBe(0);
    await expect(account(scoped, 'cc-new', 'p-scope', 'connecting-care', 'admin')).rejects.toThrow(
      /row-level security/,
    );
    await expect(
      audited(scoped, 'operator-added', () =>
        scoped.query(
          `INSERT INTO gatehouse.operators (id, name, role, status, created_at) VALUES ('o-x', 'X', 'auditor', 'active', $1)`,
          [NOW],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const { rows } = await owner.query(`SELECT status FROM gatehouse.accounts WHERE id = 'cc-scope'`);
    expect(rows[0].status).toBe('active');
  });

  it('an auditor reads but cannot write, nor append to the chain', async () => {
    const { rows } = await auditor.query('SELECT count(*)::int AS n FROM gatehouse.people');
    expect(rows[0].n).toBeGreaterThan(0);
    await expect(person(auditor, 'p-aud')).rejects.toThrow(/permission denied/);
    await expect(
      auditor.query('SELECT gatehouse.append_event($1)', [JSON.stringify({ at: NOW, action: 'x' })]),
    ).rejects.toThrow(/permission denied/);
  });

  it('shared reference data: a scoped administrator keeps profile accounts only for their systems and no Trust setting; an auditor writes no bank holiday', async () => {
    const profile = (client: pg.Client, id: string) =>
      audited(client, 'profile-saved', () =>
        client.query(
          `INSERT INTO gatehouse.access_profiles (id, job_role, position_key, created_at, updated_at)
           VALUES ($1, 'Nurse', $1, $2, $2)`,
          [id, NOW],
        ),
      );
    const line = (client: pg.Client, profileId: string, system: string) =>
      audited(client, 'profile-saved', () =>
        client.query(
          `INSERT INTO gatehouse.access_profile_accounts (profile_id, system_id, role, purpose_kind, position)
           VALUES ($1, $2, 'User', 'direct-care', 0)`,
          [profileId, system],
        ),
      );
    await profile(scoped, 'ap-sam');
    await expect(line(scoped, 'ap-sam', 'rio')).resolves.toBeDefined();
    await expect(line(scoped, 'ap-sam', 'connecting-care')).rejects.toThrow(/row-level security/);
    await expect(line(admin, 'ap-sam', 'connecting-care')).resolves.toBeDefined();
    // The profile now proposes a system outside Sam's scope: its position is no longer Sam's to change.
    const moved = await audited(scoped, 'profile-saved', () =>
      scoped.query(`UPDATE gatehouse.access_profiles SET team = 'Elsewhere' WHERE id = 'ap-sam'`),
    );
    expect(moved.rowCount).toBe(0);
    const widened = await audited(admin, 'profile-saved', () =>
      admin.query(`UPDATE gatehouse.access_profiles SET team = 'Ward 5' WHERE id = 'ap-sam'`),
    );
    expect(widened.rowCount).toBe(1);
    // The Trust's settings (the offline grace period): an administrator of every system only.
    const grace = (client: pg.Client, hours: string) =>
      audited(client, 'trust.settings-changed', () =>
        client.query(
          `INSERT INTO gatehouse.trust_settings (key, value) VALUES ('offlineGraceHours', $1)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [hours],
        ),
      );
    await expect(grace(scoped, '999')).rejects.toThrow(/row-level security/);
    await expect(grace(admin, '48')).resolves.toBeDefined();
    // Bounded on the register itself: a revoked login cannot be left to live offline for ever.
    for (const bad of ['abc', '0', '100000'])
      await expect(grace(admin, bad)).rejects.toThrow(/check constraint/);
    await expect(
      audited(auditor, 'bank-holidays-imported', () =>
        auditor.query(`INSERT INTO gatehouse.bank_holidays (date, title) VALUES ('2099-01-01', 'x')`),
      ),
    ).rejects.toThrow(/permission denied/);
    // REP-3 holds for these tables too: no change without its event.
    await expect(
      admin.query(`INSERT INTO gatehouse.bank_holidays (date, title) VALUES ('2099-01-02', 'x')`),
    ).rejects.toThrow(/REP-3/);
  });
});
