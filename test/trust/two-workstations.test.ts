/**
 * Two workstations and one Trust register through a proxy that can cut the network (issue 11 §4):
 * a change on one is visible on the other; a partition with changes to the same record on both
 * sides ends with the later push held as a conflict, not forced; every chain verifies, every local
 * event is anchored exactly once, and the replicas end equal to the server.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { verifyTrustChain, type TrustEventRow } from '../../electron/trust/trust-chain';
import { startTrustWatcher } from '../../electron/trust/watcher';
import type { SyncStatus } from '../../shared/contract/sync';
import { postgresMissing } from '../support/postgres';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import { activeAdminCore, ADMIN, must, signedInCore, tempDir } from '../support/temp-core';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const LOGIN = 'ada_admin';

describe.skipIf(postgresMissing)('two workstations, one Trust register', () => {
  let server: TrustServer;
  let proxyA: TcpProxy;
  let proxyB: TcpProxy;
  let owner: pg.Client;
  let a: Core;
  let b: Core;
  let graceId: string;

  const url = (port: number) => server.url(LOGIN, 'x', port).replace(/:x@/, '@');
  const team = async (core: Core, id: string) =>
    (await must<{ person: { team: string | null } }>(core, 'people:get', { id })).person.team;

  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, LOGIN, 'gatehouse_administrator', ADMIN.passphrase);
    proxyA = await startProxy(server.cluster.port);
    proxyB = await startProxy(server.cluster.port);
    owner = await server.client();
    a = await activeAdminCore();
    graceId = (
      await must<{ id: string }>(a, 'people:create', { name: 'Grace Hopper', employmentType: 'permanent' })
    ).id;
    await must(a, 'sync:connect', {
      url: url(proxyA.port),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    const dirB = tempDir();
    const joining = await activeAdminCore(dirB);
    await must(joining, 'sync:connect', {
      url: url(proxyB.port),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    b = await signedInCore(dirB, ADMIN);
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    await proxyA?.close();
    await proxyB?.close();
    server?.stop();
  });

  it('a change on one workstation is on the register at once and on the other at its next sync', async () => {
    const alan = await must<{ id: string }>(a, 'people:create', {
      name: 'Alan Turing',
      employmentType: 'bank',
    });
    expect(await must<SyncStatus>(a, 'sync:status')).toMatchObject({ queued: 0, conflicts: 0 });
    const { rows } = await owner.query('SELECT name, row_version FROM gatehouse.people WHERE id = $1', [
      alan.id,
    ]);
    expect(rows).toEqual([{ name: 'Alan Turing', row_version: '1' }]);
    await must(b, 'sync:now');
    const found = await must<{ results: { id: string }[] }>(b, 'people:search', { query: 'turing' });
    expect(found.results.map((p) => p.id)).toEqual([alan.id]);

    await must(b, 'people:update', { id: graceId, changes: { team: 'Compilers' } });
    await must(a, 'sync:now');
    expect(await team(a, graceId)).toBe('Compilers');
  });

  it('offline changes queue; a colleague’s change to the same record first makes mine a conflict, not an overwrite', async () => {
    proxyA.cut();
    const banner: SyncStatus[] = [];
    const off = a.events.on('sync:changed', (state) => banner.push(state));
    await must(a, 'people:update', { id: graceId, changes: { team: 'Offline team' } });
    off();
    // The offline banner's data arrives with the change itself: offline, one change waiting.
    expect(banner.at(-1)).toMatchObject({ connected: true, reachable: false, queued: 1 });
    const offline = await must<SyncStatus>(a, 'sync:now');
    expect(offline).toMatchObject({ reachable: false, queued: 1 });
    expect(await team(a, graceId)).toBe('Offline team'); // work goes on locally

    await must(b, 'people:update', { id: graceId, changes: { team: 'Online team' } });
    proxyA.restore();
    const back = await must<SyncStatus>(a, 'sync:now');
    expect(back).toMatchObject({ reachable: true, queued: 0, conflicts: 1 });
    expect(await team(a, graceId)).toBe('Online team');
    const { rows } = await owner.query('SELECT team FROM gatehouse.people WHERE id = $1', [graceId]);
    expect(rows[0].team).toBe('Online team');

    // The Conflicts list shows my change beside why it waits; discarding it is audited.
    const waiting = await must<
      { id: number; channel: string; input: { changes: { team: string } }; problem: string }[]
    >(a, 'sync:conflicts');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({
      channel: 'people:update',
      input: { changes: { team: 'Offline team' } },
    });
    expect(waiting[0]!.problem).toMatch(/changed on the Trust register since/);
    const refused = await a.call('sync:discard', { id: waiting[0]!.id, reason: '' });
    expect(refused.ok).toBe(false);
    expect(
      await must(a, 'sync:discard', { id: waiting[0]!.id, reason: 'Colleague’s team is the right one' }),
    ).toEqual([]);
    expect(await must<SyncStatus>(a, 'sync:now')).toMatchObject({ conflicts: 0, queued: 0 });
    const { rows: discarded } = await owner.query(
      `SELECT reason FROM gatehouse.events WHERE action = 'trust.conflict-discarded'`,
    );
    expect(discarded).toEqual([{ reason: 'Colleague’s team is the right one' }]);
  });

  it('chains verify, each local event is anchored exactly once, replicas equal the server, a repeated sync changes nothing', async () => {
    for (const core of [a, b, a]) await must(core, 'sync:now');
    const { rows: events } = await owner.query<
      TrustEventRow & {
        workstation_id: string | null;
        local_seq: string | null;
        local_hash: string | null;
        local_signature: string | null;
      }
    >('SELECT * FROM gatehouse.events ORDER BY seq');
    expect(verifyTrustChain(events)).toMatchObject({ valid: true });
    // The operator's signature is part of the Trust chain: a changed one no longer verifies (REP-3).
    const signed = events.find((e) => e.local_signature !== null)!;
    const forged = events.map((e) => (e === signed ? { ...e, local_signature: 'Zm9yZ2Vk' } : e));
    expect(verifyTrustChain(forged)).toMatchObject({ valid: false });
    for (const core of [a, b]) {
      const db = core.session.store!.db;
      const workstation = (
        db.prepare(`SELECT value FROM trust_state WHERE key = 'workstationId'`).get() as { value: string }
      ).value;
      const local = db.prepare('SELECT seq, hash, signature FROM audit_events ORDER BY seq').all() as {
        seq: number;
        hash: string;
        signature: string | null;
      }[];
      const anchors = events
        .filter((e) => e.workstation_id === workstation)
        .map((e) => ({ seq: Number(e.local_seq), hash: e.local_hash, signature: e.local_signature }));
      // Up to the last sync, every local event once, in order, with its hash and its operator's
      // signature (later ones: the sign-out and what follows).
      expect(anchors).toEqual(local.slice(0, anchors.length));
      expect(anchors.every((e) => e.signature !== null)).toBe(true);
      expect(anchors.length).toBeGreaterThanOrEqual(local.length - 2);
    }
    for (const core of [a, b]) {
      const verdict = await must<{
        trustChain: { valid: boolean; events: number };
        workstation: { problem: string | null; anchored: number };
      }>(core, 'sync:verify');
      expect(verdict.trustChain).toMatchObject({ valid: true, events: events.length });
      expect(verdict.workstation.problem).toBeNull();
      expect(verdict.workstation.anchored).toBeGreaterThan(0);
    }
    const serverPeople = (await owner.query('SELECT id, name, team FROM gatehouse.people ORDER BY id')).rows;
    for (const core of [a, b]) {
      const local = core.session.store!.db.prepare('SELECT id, name, team FROM people ORDER BY id').all();
      expect(local).toEqual(serverPeople);
    }
    const head = (await owner.query('SELECT max(seq)::int AS s FROM gatehouse.events')).rows[0].s;
    await must(b, 'sync:now');
    expect((await owner.query('SELECT max(seq)::int AS s FROM gatehouse.events')).rows[0].s).toBe(head);
  });

  it('LISTEN/NOTIFY wakes the other workstation: a change appears there within a second, without waiting for a poll', async () => {
    const watcher = startTrustWatcher(b, 600_000); // no poll within the test: only the notification can bring it
    try {
      await expect.poll(() => watcher.listening, { timeout: 10_000 }).toBe(true);
      const started = performance.now();
      const mary = await must<{ id: string }>(a, 'people:create', {
        name: 'Mary Somerville',
        employmentType: 'bank',
      });
      await expect
        .poll(
          async () =>
            (await must<{ results: { id: string }[] }>(b, 'people:search', { query: 'somerville' })).results
              .length,
          {
            timeout: 5_000,
            interval: 50,
          },
        )
        .toBe(1);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(mary.id).toBeTruthy();
    } finally {
      watcher.stop();
    }
  });

  it('sync verify names a local event whose signature differs from the one anchored in the Trust chain (REP-3)', async () => {
    await must(b, 'sync:now');
    const db = b.session.store!.db;
    // An insider with the store open drops the append-only trigger and rewrites a signature.
    db.exec('DROP TRIGGER audit_events_no_update');
    db.prepare(
      `UPDATE audit_events SET signature = 'Zm9yZ2Vk' WHERE seq = (SELECT min(seq) FROM audit_events WHERE signature IS NOT NULL)`,
    ).run();
    const verdict = await must<{ workstation: { problem: string | null } }>(b, 'sync:verify');
    expect(verdict.workstation.problem).toMatch(/carries a different signature from its anchor/);
  });
});
