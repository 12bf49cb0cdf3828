/**
 * Trust-wide jobs run once across the Trust (issue 11 §2): on a connected workstation the inactivity
 * sweep needs the register, and is refused while another workstation holds its lock.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { postgresMissing } from '../support/postgres';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import { activeAdminCore, ADMIN, must } from '../support/temp-core';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const SWEEP_LOCK = 7_110_101;

describe.skipIf(postgresMissing)('Trust-wide jobs', () => {
  let server: TrustServer;
  let proxy: TcpProxy;
  let a: Core;
  let other: pg.Client;
  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, 'ada_admin', 'gatehouse_administrator', ADMIN.passphrase);
    proxy = await startProxy(server.cluster.port);
    a = await activeAdminCore();
    await must(a, 'sync:connect', {
      url: server.url('ada_admin', 'x', proxy.port).replace(/:x@/, '@'),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    other = await server.client('ada_admin', ADMIN.passphrase);
  }, 120_000);
  afterAll(async () => {
    await other?.end();
    await proxy?.close();
    server?.stop();
  });

  it('the inactivity sweep waits while another workstation runs it, needs the register, and runs once it is free', async () => {
    await other.query('SELECT pg_advisory_lock($1)', [SWEEP_LOCK]); // another workstation's sweep
    const busy = await a.call('inactivity:run', {});
    expect(busy).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!busy.ok && busy.error.message).toMatch(/Another workstation is running the inactivity sweep/);
    await other.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK]);

    proxy.cut();
    const offline = await a.call('inactivity:run', {});
    expect(offline).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    proxy.restore();

    await must(a, 'inactivity:run', {});
    // Other channels carry on offline as before.
    proxy.cut();
    await must(a, 'people:create', { name: 'Offline Still Works', employmentType: 'bank' });
    proxy.restore();
  });
});
