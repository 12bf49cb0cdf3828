/**
 * The pull after a push does not read back the rows that push just committed (issue 13 §4: a
 * Trust-wide review's start pushes one item per account, and reading them all back again took
 * seconds): they are here as sent, at the versions the push recorded. A row another workstation
 * changed is still read, as the register holds it now, even if this push changed it too.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { fetchChanges } from '../../electron/trust/pull';
import { pushQueued } from '../../electron/trust/push';
import { readTrustLink } from '../../electron/trust/trust-state';
import { postgresMissing } from '../support/postgres';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import { activeAdminCore, ADMIN, must, signedInCore, tempDir } from '../support/temp-core';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const LOGIN = 'ada_admin';

describe.skipIf(postgresMissing)('a push’s own rows are not read back by its pull', () => {
  let server: TrustServer;
  let proxy: TcpProxy;
  let client: pg.Client;
  let a: Core;
  let b: Core;

  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, LOGIN, 'gatehouse_administrator', ADMIN.passphrase);
    proxy = await startProxy(server.cluster.port);
    const url = (port: number) => server.url(LOGIN, 'x', port).replace(/:x@/, '@');
    a = await activeAdminCore();
    await must(a, 'sync:connect', {
      url: url(proxy.port),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    const dirB = tempDir();
    const joining = await activeAdminCore(dirB);
    await must(joining, 'sync:connect', {
      url: url(server.cluster.port),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    b = await signedInCore(dirB, ADMIN);
    client = await server.client(LOGIN, ADMIN.passphrase);
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await proxy?.close();
    server?.stop();
  });

  it('skips the rows only its own commits changed, and reads one a colleague changed since', async () => {
    const db = a.session.store!.db;
    const shared = await must<{ id: string }>(b, 'people:create', {
      name: 'Grace Hopper',
      employmentType: 'bank',
    });
    await must(a, 'sync:now');
    proxy.cut(); // queued on A, pushed below by hand so the test sees what the push reports
    const mine = await must<{ id: string }>(a, 'people:create', {
      name: 'Alan Turing',
      employmentType: 'bank',
    });
    await must(a, 'people:update', { id: shared.id, changes: { team: 'Ward 5' } });
    proxy.restore();
    const before = readTrustLink(db)!;
    const pushed = await pushQueued(db, client, before.workstationId);
    expect(pushed).toMatchObject({ pushed: 2, conflicts: 0 });
    expect(pushed.committed.size).toBe(2);

    const everything = await fetchChanges(client, before.cursor, before.headHash);
    expect(everything.rows.people?.keys.sort()).toEqual(
      [JSON.stringify([mine.id]), JSON.stringify([shared.id])].sort(),
    );
    expect((await fetchChanges(client, before.cursor, before.headHash, pushed.committed)).rows).toEqual({});

    // A colleague changes the shared person after A's push: that row is read, A's new one still not.
    await must(b, 'sync:now');
    await must(b, 'people:update', { id: shared.id, changes: { team: 'Ward 6' } });
    const later = await fetchChanges(client, before.cursor, before.headHash, pushed.committed);
    expect(later.rows.people?.keys).toEqual([JSON.stringify([shared.id])]);
    expect(later.rows.people?.found).toMatchObject([{ id: shared.id, team: 'Ward 6' }]);

    // The sync applies it; A's own person is as it pushed it, at the register's version.
    await must(a, 'sync:now');
    expect(await must<{ person: { team: string | null } }>(a, 'people:get', { id: shared.id })).toMatchObject(
      {
        person: { team: 'Ward 6' },
      },
    );
    const onRegister = await client.query('SELECT name, row_version FROM gatehouse.people WHERE id = $1', [
      mine.id,
    ]);
    expect(onRegister.rows).toEqual([{ name: 'Alan Turing', row_version: '1' }]);
    expect(
      db
        .prepare(`SELECT version FROM row_versions WHERE table_name = 'people' AND row_key = ?`)
        .get(JSON.stringify([mine.id])),
    ).toEqual({ version: 1 });
  });
});
