/**
 * Offline grace (issue 11 §2): within 72 hours of last reaching the Trust register a workstation
 * signs in offline; beyond that, sign-in needs the register again, and a revoked login is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresMissing } from '../support/postgres';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import {
  activeAdminCore,
  ADMIN,
  must,
  newCore,
  signedInCore,
  TestClock,
  tempDir,
} from '../support/temp-core';
import { joinAsAdmin } from '../support/join-register';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const HOUR = 3_600_000;

describe.skipIf(postgresMissing)('offline grace period', () => {
  let server: TrustServer;
  let proxy: TcpProxy;
  const clock = new TestClock();
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('gatehouse-grace-');
    server = await startTrustServer();
    await createLogin(server, 'ada_admin', 'gatehouse_administrator', ADMIN.passphrase);
    proxy = await startProxy(server.cluster.port);
    const a = await activeAdminCore(dir, clock);
    await must(a, 'sync:connect', {
      url: server.url('ada_admin', 'x', proxy.port).replace(/:x@/, '@'),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    await must(a, 'session:signOut');
  }, 120_000);
  afterAll(async () => {
    await proxy?.close();
    server?.stop();
  });

  it('signs in offline within the grace period, not beyond it, again once the register is reached, never once revoked there', async () => {
    proxy.cut();
    clock.advance(71 * HOUR);
    const within = newCore(dir, clock);
    await must(within, 'session:signIn', ADMIN);
    await must(within, 'session:signOut');

    clock.advance(2 * HOUR); // 73 hours since the last contact
    const beyond = await newCore(dir, clock).call('session:signIn', ADMIN);
    expect(beyond).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(!beyond.ok && beyond.error.message).toMatch(/more than 72 hours/);

    proxy.restore();
    const back = newCore(dir, clock);
    await must(back, 'session:signIn', ADMIN);
    await must(back, 'session:signOut');

    // Beyond the grace period again, a login revoked on the register is refused.
    clock.advance(100 * HOUR);
    const owner = await server.client();
    await owner.query('ALTER ROLE ada_admin NOLOGIN');
    await owner.end();
    const refused = await newCore(dir, clock).call('session:signIn', ADMIN);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('the grace period is the Trust’s setting: changed online on one workstation, it holds on another', async () => {
    const owner = await server.client();
    await owner.query('ALTER ROLE ada_admin LOGIN'); // revoked by the test above
    const join = (folder: string) =>
      joinAsAdmin(
        server.url('ada_admin', 'x', proxy.port).replace(/:x@/, '@'),
        server.cluster.ca,
        folder,
        clock,
      );
    const a = await join(tempDir('gatehouse-grace-a-'));
    proxy.cut();
    const offline = await a.call('sync:setOfflineGrace', { hours: 24 });
    expect(offline).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    proxy.restore();
    expect(await must(a, 'sync:setOfflineGrace', { hours: 24 })).toMatchObject({ offlineGraceHours: 24 });
    const { rows } = await owner.query(
      `SELECT value FROM gatehouse.trust_settings WHERE key = 'offlineGraceHours'`,
    );
    await owner.end();
    expect(rows).toEqual([{ value: '24' }]);

    // A second workstation joins and takes the Trust's setting: 25 hours offline is now too long there.
    const dirB = tempDir('gatehouse-grace-b-');
    await must(await join(dirB), 'session:signOut');
    proxy.cut();
    clock.advance(23 * HOUR);
    const within = await signedInCore(dirB, ADMIN, clock);
    expect(await must(within, 'sync:status')).toMatchObject({ offlineGraceHours: 24 });
    await must(within, 'session:signOut');
    clock.advance(2 * HOUR);
    const beyond = await newCore(dirB, clock).call('session:signIn', ADMIN);
    expect(!beyond.ok && beyond.error.message).toMatch(/more than 24 hours/);
    proxy.restore();

    // A workstation on its own has no Trust setting to change.
    const alone = await activeAdminCore(undefined, clock);
    expect(await alone.call('sync:setOfflineGrace', { hours: 24 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
