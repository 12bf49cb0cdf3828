/**
 * Joining workstations to the Trust register (issue 11 §2): the first sets up an empty register from
 * its store; the next, a new store, brings the whole register down and signs in as the Trust's
 * operator; sync pulls what changed since; offline is reported, not thrown; the CLI does the same.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/contract/sync';
import { initStore, runGatehouse } from '../support/run-cli';
import { postgresMissing } from '../support/postgres';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import { activeAdminCore, ADMIN, must, signedInCore, tempDir } from '../support/temp-core';
import { audited, createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const LOGIN = 'ada_admin';

describe.skipIf(postgresMissing)('connecting workstations to the Trust register', () => {
  let server: TrustServer;
  let proxy: TcpProxy;
  beforeAll(async () => {
    server = await startTrustServer();
    // What the Trust's DBA does once: the first administrator's login, with their passphrase.
    await createLogin(server, LOGIN, 'gatehouse_administrator', ADMIN.passphrase);
    proxy = await startProxy(server.cluster.port);
  }, 120_000);
  afterAll(async () => {
    await proxy?.close();
    server?.stop();
  });

  const url = (port = server.cluster.port) => server.url(LOGIN, 'x', port).replace(/:x@/, '@');

  it('sets up, joins, pulls, and says when it is offline', async () => {
    const a = await activeAdminCore();
    const { id: personId } = await must<{ id: string }>(a, 'people:create', {
      name: 'Grace Hopper',
      employeeNumber: 'E1001',
      employmentType: 'permanent',
    });
    const setUp = await must<SyncStatus>(a, 'sync:connect', {
      url: url(),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    expect(setUp).toMatchObject({ connected: true, reachable: true, queued: 0 });
    expect(setUp.server).not.toMatch(/x@/);
    const owner = await server.client();
    const { rows } = await owner.query(`SELECT name FROM gatehouse.people WHERE id = $1`, [personId]);
    expect(rows).toEqual([{ name: 'Grace Hopper' }]);

    const dirB = tempDir();
    const b = await activeAdminCore(dirB);
    const joined = await must<SyncStatus>(b, 'sync:connect', {
      url: url(proxy.port),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    expect(joined.connected).toBe(true);
    expect(b.session.operator).toBeNull(); // B's operator is now the Trust's Ada: sign in again
    const b2 = await signedInCore(dirB, ADMIN);
    const found = await must<{ results: { id: string }[] }>(b2, 'people:search', { query: 'hopp' });
    expect(found.results.map((p) => p.id)).toEqual([personId]);

    // A change another workstation made reaches B at its next sync.
    await audited(owner, 'person.updated', () =>
      owner.query(`UPDATE gatehouse.people SET team = 'Compilers' WHERE id = $1`, [personId]),
    );
    await owner.end();
    const before = joined.cursor;
    const pulled = await must<SyncStatus>(b2, 'sync:now');
    expect(pulled.cursor).toBeGreaterThan(before);
    const got = await must<{ person: { team: string | null } }>(b2, 'people:get', { id: personId });
    expect(got.person.team).toBe('Compilers');

    proxy.cut();
    const offline = await must<SyncStatus>(b2, 'sync:now');
    expect(offline).toMatchObject({ connected: true, reachable: false });
    expect(offline.problem).toMatch(/cannot be reached/);
    proxy.restore();
    const back = await must<SyncStatus>(b2, 'sync:now');
    expect(back).toMatchObject({ reachable: true, queued: 0 });
    // A repeated sync changes nothing.
    expect(await must<SyncStatus>(b2, 'sync:now')).toMatchObject({ cursor: back.cursor, queued: 0 });
  }, 120_000);

  it('refuses to join a store that has a register of its own to a register that is not empty', async () => {
    const c = await activeAdminCore();
    await must(c, 'people:create', { name: 'Local Only', employmentType: 'bank' });
    const result = await c.call('sync:connect', {
      url: url(),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('the command line connects a new store, finds people and prints the sync state', async () => {
    const dir = tempDir();
    const signIn = initStore(dir); // its administrator is "Ada Admin"
    const refused = runGatehouse(['connect', '--postgres', url(), '--ca', server.cluster.caFile, ...signIn]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/no active operator Ada Admin with the login ada_admin/);

    // A new store whose administrator is the Trust's Ada joins, then works from the replica.
    const store = join(dir, 'ada-store');
    const pass = join(dir, 'ada.pass');
    writeFileSync(pass, `${ADMIN.passphrase}\n`);
    const asAda = ['--as', ADMIN.name, '--data-dir', store, '--passphrase-file', pass];
    expect(
      runGatehouse(['init', '--admin', ADMIN.name, '--data-dir', store, '--passphrase-file', pass]).code,
    ).toBe(0);
    const joined = runGatehouse(['connect', '--postgres', url(), '--ca', server.cluster.caFile, ...asAda]);
    expect(joined.code, joined.stderr).toBe(0);
    expect(joined.stdout).toMatch(/Trust register: postgres:\/\/ada_admin@127\.0\.0\.1/);
    const found = runGatehouse(['people', 'find', 'grace', '--json', ...asAda]);
    expect(found.code, found.stderr).toBe(0);
    expect(JSON.parse(found.stdout).results.map((p: { name: string }) => p.name)).toEqual(['Grace Hopper']);
    const state = runGatehouse(['sync', '--json', ...asAda]);
    expect(state.code, state.stderr).toBe(0);
    expect(JSON.parse(state.stdout)).toMatchObject({
      connected: true,
      reachable: true,
      queued: 0,
      conflicts: 0,
    });
    const quiet = runGatehouse(['sync', 'status', '--json', ...asAda]);
    expect(JSON.parse(quiet.stdout)).toMatchObject({ connected: true, reachable: null });
  }, 120_000);
});
