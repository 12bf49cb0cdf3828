/**
 * The same person added on two workstations during a partition (issue 11 §2): the register's unique
 * employee number refuses the second; it waits in Conflicts as a duplicate of the person already on
 * the register, my change to my copy waits behind it, and Link maps my copy onto theirs so that
 * change can be applied to the register's person. The replica ends with one person, as the server.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { SyncConflict, SyncStatus } from '../../shared/contract/sync';
import { postgresMissing } from '../support/postgres';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import { activeAdminCore, ADMIN, must, signedInCore, tempDir } from '../support/temp-core';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

describe.skipIf(postgresMissing)('the same person added on both sides of a partition', () => {
  let server: TrustServer;
  let proxyA: TcpProxy;
  let owner: pg.Client;
  let a: Core;
  let b: Core;

  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, 'ada_admin', 'gatehouse_administrator', ADMIN.passphrase);
    proxyA = await startProxy(server.cluster.port);
    owner = await server.client();
    const url = (port: number) => server.url('ada_admin', 'x', port).replace(/:x@/, '@');
    a = await activeAdminCore();
    await must(a, 'sync:connect', {
      url: url(proxyA.port),
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
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    await proxyA?.close();
    server?.stop();
  });

  it('waits as a duplicate of the register’s person; Link follows my later change onto theirs', async () => {
    const alan = { name: 'Alan Turing', employeeNumber: 'E-1912', employmentType: 'permanent' };
    proxyA.cut();
    const mine = await must<{ id: string }>(a, 'people:create', alan);
    await must(a, 'people:update', { id: mine.id, changes: { team: 'Codebreakers' } });
    const theirs = await must<{ id: string }>(b, 'people:create', alan);
    proxyA.restore();

    expect(await must<SyncStatus>(a, 'sync:now')).toMatchObject({ queued: 0, conflicts: 2 });
    const [duplicate, later] = (await must<SyncConflict[]>(a, 'sync:conflicts')) as [
      SyncConflict,
      SyncConflict,
    ];
    expect(duplicate).toMatchObject({
      channel: 'people:create',
      record: { type: 'person', id: mine.id, label: 'Alan Turing' },
      existing: { type: 'person', id: theirs.id, label: 'Alan Turing' },
      choices: ['discard', 'link'],
    });
    expect(duplicate.since.map((s) => s.action)).toEqual(['person.added']);
    expect(later).toMatchObject({ channel: 'people:update', choices: ['discard', 'apply'] });
    expect(later.problem).toMatch(/builds on a record whose own creation or change conflicted/);
    // My copy is gone from the replica: only the register's Alan Turing is there.
    const local = a.session.store!.db.prepare(`SELECT id FROM people WHERE employee_number = 'E-1912'`).all();
    expect(local).toEqual([{ id: theirs.id }]);

    const left = await must<SyncConflict[]>(a, 'sync:link', {
      id: duplicate.id,
      reason: 'Added on both workstations while the network was down',
    });
    expect(left.map((c) => c.input)).toMatchObject([{ id: theirs.id, changes: { team: 'Codebreakers' } }]);
    expect(await must(a, 'sync:apply', { id: later.id, reason: 'His team, as I recorded it' })).toEqual([]);
    const { rows } = await owner.query(
      `SELECT id, team FROM gatehouse.people WHERE employee_number = 'E-1912'`,
    );
    expect(rows).toEqual([{ id: theirs.id, team: 'Codebreakers' }]);
    await must(a, 'sync:now');
    const { rows: linked } = await owner.query(
      `SELECT subject_id, reason, before_json FROM gatehouse.events WHERE action = 'trust.conflict-linked'`,
    );
    expect(linked).toEqual([
      {
        subject_id: theirs.id,
        reason: 'Added on both workstations while the network was down',
        before_json: expect.stringContaining(mine.id),
      },
    ]);
  });
});
