/**
 * Removing access is never held back (issue 11 §2): an account suspended offline, while a colleague
 * changed the same account on the register, is suspended once the workstation is back: the command
 * is run again on the fresh replica, keeping the colleague's change, and nothing waits in Conflicts.
 * A granting-style change in the same position waits for a person (two-workstations.test.ts).
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { SyncStatus } from '../../shared/contract/sync';
import { postgresMissing } from '../support/postgres';
import { giveAccount } from '../support/register-fixtures';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import { activeAdminCore, ADMIN, must } from '../support/temp-core';
import { audited, createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

describe.skipIf(postgresMissing)('removal-only commands over a colleague’s change', () => {
  let server: TrustServer;
  let proxy: TcpProxy;
  let owner: pg.Client;
  let a: Core;
  let accountId: string;
  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, 'ada_admin', 'gatehouse_administrator', ADMIN.passphrase);
    proxy = await startProxy(server.cluster.port);
    a = await activeAdminCore();
    const person = await must<{ id: string }>(a, 'people:create', {
      name: 'Lee Suspended',
      employmentType: 'permanent',
    });
    accountId = giveAccount(a, person.id, 'rio', 'Clinician');
    await must(a, 'sync:connect', {
      url: server.url('ada_admin', 'x', proxy.port).replace(/:x@/, '@'),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    owner = await server.client();
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    await proxy?.close();
    server?.stop();
  });

  it('a suspension made offline applies over a colleague’s later change to the account', async () => {
    proxy.cut();
    await must(a, 'suspensions:suspend', {
      accountId,
      reason: 'security-investigation',
      instructedBy: 'Dr A Director',
      instructedRole: 'director',
      urgent: true,
      reviewOn: '2026-12-21',
    });
    expect(await must<SyncStatus>(a, 'sync:status')).toMatchObject({ queued: 1 });
    await audited(owner, 'account.role-changed', () =>
      owner.query(`UPDATE gatehouse.accounts SET role = 'Senior Clinician' WHERE id = $1`, [accountId]),
    );
    proxy.restore();
    expect(await must<SyncStatus>(a, 'sync:now')).toMatchObject({ reachable: true, queued: 0, conflicts: 0 });
    const { rows } = await owner.query('SELECT status, role FROM gatehouse.accounts WHERE id = $1', [
      accountId,
    ]);
    expect(rows).toEqual([{ status: 'suspended', role: 'Senior Clinician' }]);
    const { rows: suspensions } = await owner.query(
      `SELECT count(*)::int AS n FROM gatehouse.suspensions WHERE account_id = $1 AND state = 'in-force'`,
      [accountId],
    );
    expect(suspensions[0].n).toBe(1);
    const states = a.session.store!.db.prepare('SELECT state FROM outbox ORDER BY id').all() as {
      state: string;
    }[];
    expect(states.map((s) => s.state)).toEqual(['superseded', 'pushed']);
  });
});
