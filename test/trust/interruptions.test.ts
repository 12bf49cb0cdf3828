/**
 * Interruptions (issue 11 §4): PostgreSQL restarted while a workstation has changes queued, and a
 * push whose PostgreSQL transaction committed but whose workstation died before it recorded that
 * (the state a crash between the two commits leaves): the retry finds the command id already
 * applied and adds nothing, so every event stays anchored exactly once.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { SyncStatus } from '../../shared/contract/sync';
import { postgresMissing } from '../support/postgres';
import { activeAdminCore, ADMIN, must } from '../support/temp-core';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

describe.skipIf(postgresMissing)('interrupted syncs', () => {
  let server: TrustServer;
  let owner: pg.Client;
  let a: Core;
  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, 'ada_admin', 'gatehouse_administrator', ADMIN.passphrase);
    a = await activeAdminCore();
    await must(a, 'sync:connect', {
      url: server.url('ada_admin', 'x').replace(/:x@/, '@'),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
  }, 120_000);
  afterAll(async () => {
    await owner?.end().catch(() => undefined);
    server?.stop();
  });

  it('changes made while PostgreSQL restarts stay queued and go up once it is back', async () => {
    server.cluster.stopServer();
    const person = await must<{ id: string }>(a, 'people:create', {
      name: 'Katherine Johnson',
      employmentType: 'permanent',
    });
    expect(await must<SyncStatus>(a, 'sync:status')).toMatchObject({ queued: 1, reachable: false });
    server.cluster.startServer();
    expect(await must<SyncStatus>(a, 'sync:now')).toMatchObject({ queued: 0, reachable: true });
    owner = await server.client();
    const { rowCount } = await owner.query('SELECT 1 FROM gatehouse.people WHERE id = $1', [person.id]);
    expect(rowCount).toBe(1);
  }, 60_000);

  it('a push retried after a crash between the two commits changes nothing more', async () => {
    await must(a, 'people:create', { name: 'Dorothy Vaughan', employmentType: 'permanent' });
    const db = a.session.store!.db;
    const pushed = db
      .prepare(`SELECT id, command_id FROM outbox WHERE state = 'pushed' ORDER BY id DESC LIMIT 1`)
      .get() as {
      id: number;
      command_id: string;
    };
    const before = (await owner.query('SELECT count(*)::int AS n FROM gatehouse.events')).rows[0].n;
    // What a crash after PostgreSQL's commit and before the workstation's leaves behind.
    db.prepare(`UPDATE outbox SET state = 'queued' WHERE id = ?`).run(pushed.id);
    expect(await must<SyncStatus>(a, 'sync:now')).toMatchObject({ queued: 0, conflicts: 0 });
    const after = (await owner.query('SELECT count(*)::int AS n FROM gatehouse.events')).rows[0].n;
    expect(after).toBe(before);
    const { rows } = await owner.query(
      'SELECT count(*)::int AS n FROM gatehouse.applied_commands WHERE command_id = $1',
      [pushed.command_id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('syncs asked for at once (Try again, Sync now, the poll) run one at a time: each change goes up once, and the next change to it is no conflict', async () => {
    server.cluster.stopServer();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      ids.push(
        (
          await must<{ id: string }>(a, 'people:create', {
            name: `Queued Person ${i}`,
            employmentType: 'bank',
          })
        ).id,
      );
    }
    server.cluster.startServer();
    await owner.end().catch(() => undefined); // its connection went with the restart
    owner = await server.client();
    const results = await Promise.all([1, 2, 3].map(() => must<SyncStatus>(a, 'sync:now')));
    expect(results.map((r) => r.conflicts)).toEqual([0, 0, 0]);
    expect(results.at(-1)).toMatchObject({ queued: 0, reachable: true });
    const { rows } = await owner.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM gatehouse.applied_commands WHERE channel = $1',
      ['people:create'],
    );
    const states = a.session
      .store!.db.prepare(`SELECT state, count(*) AS n FROM outbox GROUP BY state`)
      .all();
    expect(states).toEqual([{ state: 'pushed', n: rows[0]!.n }]);
    // Each replica row knows the register's version: changing it again is taken, not held as a conflict.
    for (const id of ids) await must(a, 'people:update', { id, changes: { team: 'After the rush' } });
    expect(await must<SyncStatus>(a, 'sync:status')).toMatchObject({ queued: 0, conflicts: 0 });
  }, 60_000);
});
