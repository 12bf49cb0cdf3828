/**
 * Reference data is the Trust's, not the workstation's (issue 11, server step 9): bank holidays
 * imported on one workstation count on every other (REG-7: a due date must not depend on where a
 * request was made), and an access profile saved on one proposes the same accounts everywhere
 * (issue 13). Changes travel as every register change does, and the replicas end equal to the server.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { postgresMissing } from '../support/postgres';
import { activeAdminCore, ADMIN, must } from '../support/temp-core';
import { joinAsAdmin } from '../support/join-register';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const LOGIN = 'ada_admin';
const FEED = JSON.stringify({
  'england-and-wales': {
    division: 'england-and-wales',
    events: [{ title: 'Substitute day', date: '2031-01-02', notes: '', bunting: true }],
  },
});
const NURSE = {
  position: { jobRole: 'Staff Nurse', team: null, directorate: 'Mental Health Services', organisation: null },
  accounts: [
    { systemId: 'rio', role: 'Clinician' },
    { systemId: 'network', role: 'Standard user' },
  ],
};

describe.skipIf(postgresMissing)('bank holidays and access profiles on the Trust register', () => {
  let server: TrustServer;
  let owner: pg.Client;
  let a: Core;
  let b: Core;

  const holidays = (core: Core) =>
    core.session.store!.db.prepare('SELECT date, title FROM bank_holidays ORDER BY date').all();
  const profileRows = (core: Core) =>
    core.session
      .store!.db.prepare(
        `SELECT p.position_key, l.system_id, l.role FROM access_profiles p
         JOIN access_profile_accounts l ON l.profile_id = p.id ORDER BY p.position_key, l.system_id`,
      )
      .all();

  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, LOGIN, 'gatehouse_administrator', ADMIN.passphrase);
    owner = await server.client();
    const url = server.url(LOGIN, 'x').replace(/:x@/, '@');
    a = await activeAdminCore();
    await must(a, 'sync:connect', { url, ca: server.cluster.ca, passphrase: ADMIN.passphrase });
    b = await joinAsAdmin(url, server.cluster.ca);
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    server?.stop();
  });

  it('the first workstation’s bank holidays are the register’s, and a joining workstation takes them', async () => {
    const { rows } = await owner.query('SELECT count(*)::int AS n FROM gatehouse.bank_holidays');
    expect(rows[0].n).toBeGreaterThan(0);
    expect(holidays(b)).toEqual(holidays(a));
  });

  it('bank holidays imported on one workstation count on the other after its next sync (REG-7)', async () => {
    await must(a, 'catalogue:importBankHolidays', { fileName: 'bank-holidays.json', content: FEED });
    const { rows } = await owner.query(`SELECT title FROM gatehouse.bank_holidays WHERE date = '2031-01-02'`);
    expect(rows).toEqual([{ title: 'Substitute day' }]);
    await must(b, 'sync:now');
    expect(holidays(b)).toContainEqual({ date: '2031-01-02', title: 'Substitute day' });
    expect(holidays(b)).toEqual(holidays(a));
  });

  it('an access profile saved on one workstation proposes the same accounts on the other; its removal travels too', async () => {
    const saved = await must<{ id: string }>(a, 'profiles:save', NURSE);
    await must(b, 'sync:now');
    const list = await must<{ id: string; accounts: { systemId: string; role: string }[] }[]>(
      b,
      'profiles:list',
    );
    expect(list.map((p) => [p.id, p.accounts.map((x) => x.systemId)])).toEqual([
      [saved.id, ['rio', 'network']],
    ]);
    expect(profileRows(b)).toEqual(profileRows(a));

    // Changed on the second workstation: one account fewer reaches the first, row by row.
    await must(b, 'profiles:save', { ...NURSE, id: saved.id, accounts: [NURSE.accounts[0]] });
    await must(a, 'sync:now');
    expect(profileRows(a)).toEqual([
      { position_key: expect.any(String), system_id: 'rio', role: 'Clinician' },
    ]);

    await must(a, 'profiles:delete', { id: saved.id });
    await must(b, 'sync:now');
    expect(profileRows(b)).toEqual([]);
    const { rows } = await owner.query('SELECT count(*)::int AS n FROM gatehouse.access_profile_accounts');
    expect(rows[0].n).toBe(0);
  });
});
