/**
 * A Trust-wide job carries on from where the last run left off, on whichever workstation (issue 11
 * §2, SUS-2): the inactivity sweep's notices are on the register, and each run syncs first, so a
 * line manager told on one workstation is not told again by a run on another.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Person } from '../../shared/register';
import { postgresMissing } from '../support/postgres';
import { giveAccount } from '../support/register-fixtures';
import { activeAdminCore, ADMIN, must } from '../support/temp-core';
import { joinAsAdmin } from '../support/join-register';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

interface Sweep {
  notices: { managerName: string; staff: { personName: string }[] }[];
  proposed: number;
}

describe.skipIf(postgresMissing)('Trust-wide jobs hand over between workstations', () => {
  let server: TrustServer;
  let owner: pg.Client;
  let a: Core;
  let b: Core;
  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, 'ada_admin', 'gatehouse_administrator', ADMIN.passphrase);
    owner = await server.client();
    a = await activeAdminCore();
    const manager = await must<Person>(a, 'people:create', {
      name: 'Ngozi Okafor',
      employmentType: 'permanent',
      email: 'ngozi.okafor@nhs.net',
    });
    const sam = await must<Person>(a, 'people:create', {
      name: 'Sam Patel',
      employmentType: 'permanent',
      lineManagerId: manager.id,
    });
    const rio = giveAccount(a, sam.id, 'rio', 'Clinician');
    a.session
      .store!.db.prepare('UPDATE accounts SET last_activity_at = ? WHERE id = ?')
      .run('2026-08-01T10:00:00.000Z', rio); // RiO's 90 days: notice due 2026-10-23
    const url = server.url('ada_admin', 'x').replace(/:x@/, '@');
    await must(a, 'sync:connect', { url, ca: server.cluster.ca, passphrase: ADMIN.passphrase });
    b = await joinAsAdmin(url, server.cluster.ca);
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    server?.stop();
  });

  it('a manager told by the sweep on one workstation is not told again by the sweep on another (SUS-2)', async () => {
    const first = await must<Sweep>(a, 'inactivity:run', { asOf: '2026-10-23' });
    expect(first.notices.map((n) => n.staff.map((s) => s.personName))).toEqual([['Sam Patel']]);
    const { rows } = await owner.query('SELECT state FROM gatehouse.inactivity_notices');
    expect(rows).toEqual([{ state: 'notified' }]);

    // The other workstation has not synced since: its run pulls first, and carries on from there.
    const second = await must<Sweep>(b, 'inactivity:run', { asOf: '2026-10-24' });
    expect(second.notices).toEqual([]);
    // A week later the suspension is proposed once, on whichever workstation runs the sweep.
    expect(await must<Sweep>(b, 'inactivity:run', { asOf: '2026-10-30' })).toMatchObject({ proposed: 1 });
    expect(await must<Sweep>(a, 'inactivity:run', { asOf: '2026-10-31' })).toMatchObject({ proposed: 0 });
  });
});
