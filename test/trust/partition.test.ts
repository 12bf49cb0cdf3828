/**
 * A partition with conflicting offline changes on both sides (issue 11 §4), two workstations each
 * behind its own proxy: the same person registered on RiO twice (REG-4: one push wins, the other
 * waits in Conflicts and Link resolves it), the last Connecting Care licence taken on both sides
 * (REG-10: Apply anyway by an administrator with a reason is the override), and the same account
 * suspended on one side and de-registered on the other (both removals apply). After each, the
 * replicas equal the server, every chain verifies and every local event is anchored exactly once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { verifyTrustChain, type TrustEventRow } from '../../electron/trust/trust-chain';
import type { SyncConflict, SyncStatus } from '../../shared/contract/sync';
import { postgresMissing } from '../support/postgres';
import { giveAccount } from '../support/register-fixtures';
import { runGatehouseAsync } from '../support/run-cli';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import { activeAdminCore, ADMIN, must, signedInCore } from '../support/temp-core';
import { TEST_NOW, testDate } from '../support/test-clock';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const ROSALIND = { name: 'Rosalind Franklin', passphrase: 'helix photograph fifty one' };
const AUTH = { by: 'Ngozi Okafor', on: '2026-11-23', how: 'email' as const };
const SET_UP = {
  username: 'ghopper',
  trainingArranged: true,
  loginDetailsIssued: true,
  firstLoginChangeSet: true,
};
const COMPARED = {
  people: 'id, name, employee_number, status',
  accounts: 'id, person_id, system_id, status, username',
  requests: 'id, person_id, system_id, state, account_id, licence_override_reason',
  tasks: 'id, account_id, state',
  suspensions: 'id, account_id, state, lift_reason',
} as const;

const newUser = (personId: string, systemId: string, role: string, reference: string) => ({
  type: 'new-user',
  reference,
  personId,
  systemId,
  role,
  purpose: 'Ward cover',
  purposeKind: 'direct-care',
  authorisation: AUTH,
});

describe.skipIf(postgresMissing)('a partition with conflicting offline changes on both sides', () => {
  let server: TrustServer;
  let proxyA: TcpProxy;
  let proxyB: TcpProxy;
  let owner: pg.Client;
  let a: Core;
  let b: Core;
  const dirs: string[] = [];
  const people: Record<'grace' | 'sam' | 'kemi' | 'lee' | 'mo', string> = {
    grace: '',
    sam: '',
    kemi: '',
    lee: '',
    mo: '',
  };
  const accounts = { lee: '', mo: '' };

  const url = (port: number) => server.url('ada_admin', 'x', port).replace(/:x@/, '@');
  const conflictsOf = (core: Core) => must<SyncConflict[]>(core, 'sync:conflicts');
  const serverRows = async (table: keyof typeof COMPARED) =>
    (await owner.query(`SELECT ${COMPARED[table]} FROM gatehouse.${table} ORDER BY id`)).rows;

  async function expectReplicasEqualServer(): Promise<void> {
    for (const core of [a, b]) await must(core, 'sync:now');
    for (const table of Object.keys(COMPARED) as (keyof typeof COMPARED)[]) {
      const expected = await serverRows(table);
      for (const core of [a, b]) {
        const local = core.session
          .store!.db.prepare(`SELECT ${COMPARED[table]} FROM ${table} ORDER BY id`)
          .all();
        expect(local, table).toEqual(expected);
      }
    }
  }

  async function expectChainsSound(): Promise<void> {
    const { rows: events } = await owner.query<
      TrustEventRow & { workstation_id: string | null; local_seq: string | null; local_hash: string | null }
    >('SELECT * FROM gatehouse.events ORDER BY seq');
    expect(verifyTrustChain(events)).toMatchObject({ valid: true });
    for (const core of [a, b]) {
      const db = core.session.store!.db;
      const workstation = (
        db.prepare(`SELECT value FROM trust_state WHERE key = 'workstationId'`).get() as { value: string }
      ).value;
      const local = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq').all();
      const anchors = events
        .filter((e) => e.workstation_id === workstation)
        .map((e) => ({ seq: Number(e.local_seq), hash: e.local_hash }));
      // Each local event once, in order, with its hash (the last few go up with the next sync).
      expect(anchors).toEqual(local.slice(0, anchors.length));
      expect(anchors.length).toBeGreaterThanOrEqual(local.length - 2);
      const verdict = await must<{ trustChain: { valid: boolean }; workstation: { problem: string | null } }>(
        core,
        'sync:verify',
      );
      expect(verdict).toMatchObject({ trustChain: { valid: true }, workstation: { problem: null } });
    }
  }

  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, 'ada_admin', 'gatehouse_administrator', ADMIN.passphrase);
    proxyA = await startProxy(server.cluster.port);
    proxyB = await startProxy(server.cluster.port);
    owner = await server.client();
    // Kept for the whole file (tempDir's folders go after each test).
    for (const name of ['a', 'b']) dirs.push(mkdtempSync(join(tmpdir(), `gatehouse-partition-${name}-`)));
    a = await activeAdminCore(dirs[0]!);
    for (const [key, name] of [
      ['grace', 'Grace Hopper'],
      ['sam', 'Sam Patel'],
      ['kemi', 'Kemi Adeyemi'],
      ['lee', 'Lee Suspended'],
      ['mo', 'Mo Removed'],
    ] as const) {
      people[key] = (
        await must<{ id: string }>(a, 'people:create', {
          name,
          employmentType: 'permanent',
          organisation: 'The Trust',
        })
      ).id;
    }
    accounts.lee = giveAccount(a, people.lee, 'rio', 'Clinician');
    accounts.mo = giveAccount(a, people.mo, 'rio', 'Clinician');
    // One Connecting Care licence left for the Trust this year (REG-10). The workstation counts the
    // year by the test's clock, the register by its own: the same allocation for both, on any date.
    const years = new Set([
      Number(TEST_NOW.toISOString().slice(0, 4)),
      Number(
        (
          await owner.query<{ y: number }>(
            `SELECT extract(year FROM now() AT TIME ZONE 'Europe/London')::int AS y`,
          )
        ).rows[0]!.y,
      ),
    ]);
    await must(a, 'catalogue:update', {
      id: 'connecting-care',
      changes: {
        licenceAllocations: [...years].map((year) => ({ organisation: 'The Trust', year, allocation: 1 })),
      },
    });
    await must(a, 'sync:connect', {
      url: url(proxyA.port),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    await must(a, 'operators:add', { ...ROSALIND, role: 'ra-officer' });
    const joining = await activeAdminCore(dirs[1]!);
    await must(joining, 'sync:connect', {
      url: url(proxyB.port),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    b = await signedInCore(dirs[1]!, ADMIN);
  }, 180_000);
  afterAll(async () => {
    await owner?.end();
    await proxyA?.close();
    await proxyB?.close();
    server?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('the same person registered on RiO on both sides: one waits in Conflicts; Link resolves it and my later change follows (REG-4)', async () => {
    proxyA.cut();
    await must(a, 'requests:create', newUser(people.grace, 'rio', 'Clinician', 'SD-A1'));
    const [myTask] = await must<{ id: string }[]>(a, 'tasks:list', { state: 'open' });
    await must(a, 'tasks:complete', { id: myTask!.id, setUp: SET_UP });
    await must(b, 'requests:create', newUser(people.grace, 'rio', 'Clinician', 'SD-B1'));
    const [theirAccount] = (
      await owner.query<{ id: string }>(
        `SELECT id FROM gatehouse.accounts WHERE person_id = $1 AND system_id = 'rio'`,
        [people.grace],
      )
    ).rows;
    proxyA.restore();

    // Without putting my rows back, the pull would meet my account on the local unique index.
    expect(await must<SyncStatus>(a, 'sync:now')).toMatchObject({ reachable: true, queued: 0, conflicts: 2 });
    const waiting = await conflictsOf(a);
    expect(waiting.map((c) => c.channel)).toEqual(['requests:create', 'tasks:complete']);
    const [duplicate, later] = waiting as [SyncConflict, SyncConflict];
    expect(duplicate).toMatchObject({
      operatorName: ADMIN.name,
      summary: 'Request received: Grace Hopper',
      record: { type: 'account', label: 'Grace Hopper’s RiO account' },
      existing: { type: 'account', id: theirAccount!.id, label: 'Grace Hopper’s RiO account' },
      choices: ['discard', 'link'],
    });
    expect(duplicate.problem).toMatch(/accounts_one_per_kind/);
    expect(duplicate.since.map((s) => s.action)).toContain('request.received');
    expect(duplicate.since[0]).toMatchObject({ operatorName: ADMIN.name, label: 'Grace Hopper' });
    expect(later.problem).toMatch(/builds on a record whose own creation or change conflicted \(#/);
    // The replica holds the register's account, not mine.
    expect(
      a.session.store!.db.prepare(`SELECT id FROM accounts WHERE person_id = ?`).all(people.grace),
    ).toEqual([{ id: theirAccount!.id }]);

    expect(await a.call('sync:apply', { id: duplicate.id, reason: 'Try again' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/link it to that record, or discard it/) },
    });
    const linked = await must<SyncConflict[]>(a, 'sync:link', {
      id: duplicate.id,
      reason: 'Same Grace Hopper registered on the other workstation',
    });
    expect(linked).toHaveLength(1);
    expect(linked[0]!.problem).toMatch(/now refers to Grace Hopper’s RiO account/);
    expect(JSON.stringify(linked[0]!.input)).not.toContain(myTask!.id);
    expect(await must(a, 'sync:apply', { id: linked[0]!.id, reason: 'Set up on RiO as ghopper' })).toEqual(
      [],
    );

    const { rows } = await owner.query(
      `SELECT id, status, username FROM gatehouse.accounts WHERE person_id = $1 AND system_id = 'rio'`,
      [people.grace],
    );
    expect(rows).toEqual([{ id: theirAccount!.id, status: 'active', username: 'ghopper' }]);
    const { rows: trail } = await owner.query(
      `SELECT reason, after_json FROM gatehouse.events WHERE action = 'trust.conflict-linked'`,
    );
    expect(trail).toHaveLength(1);
    expect(trail[0].reason).toBe('Same Grace Hopper registered on the other workstation');
    expect(trail[0].after_json).toContain(theirAccount!.id);
    await expectReplicasEqualServer();
    await expectChainsSound();
  });

  it('the last Connecting Care licence taken on both sides: mine waits; Apply anyway is the override, for an administrator only (REG-10)', async () => {
    proxyA.cut();
    await must(a, 'requests:create', newUser(people.sam, 'connecting-care', 'Clinical user', 'SD-A2'));
    await must(b, 'requests:create', newUser(people.kemi, 'connecting-care', 'Clinical user', 'SD-B2'));
    proxyA.restore();
    expect(await must<SyncStatus>(a, 'sync:now')).toMatchObject({ queued: 0, conflicts: 1 });
    const [mine] = await conflictsOf(a);
    expect(mine).toMatchObject({
      channel: 'requests:create',
      summary: 'Request received: Sam Patel',
      record: { type: 'person', id: people.sam, label: 'Sam Patel' },
      existing: null,
      choices: ['discard', 'apply'],
    });
    expect(mine!.problem).toMatch(/used all 1 connecting-care licences .*\(REG-10\)/);
    expect(
      a.session.store!.db.prepare(`SELECT count(*) AS n FROM accounts WHERE person_id = ?`).get(people.sam),
    ).toEqual({ n: 0 });

    // An RA officer (no catalogue:write, and not the operator who gave it) may not apply it.
    await must(a, 'session:signOut');
    await must(a, 'session:signIn', ROSALIND);
    await must(a, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    expect(await a.call('sync:apply', { id: mine!.id, reason: 'Needed' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await a.call('sync:discard', { id: mine!.id, reason: 'Not needed' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/only they or an administrator/) },
    });
    await must(a, 'session:signOut');
    await must(a, 'session:signIn', ADMIN);
    await must(a, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    expect(await conflictsOf(a)).toHaveLength(1);

    const reason = 'Ward opening approved by the CCIO';
    // The rules here take it, but the register refuses it again (its DBA withdrew the right): it keeps waiting.
    await owner.query('REVOKE INSERT ON gatehouse.requests FROM gatehouse_administrator');
    expect(await a.call('sync:apply', { id: mine!.id, reason })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/register refused it again: .*requests/) },
    });
    expect((await conflictsOf(a)).map((c) => c.id)).toEqual([mine!.id]);
    await owner.query('GRANT INSERT ON gatehouse.requests TO gatehouse_administrator');
    expect(await must(a, 'sync:apply', { id: mine!.id, reason })).toEqual([]);
    const { rows } = await owner.query(
      `SELECT r.licence_override_reason, a.status FROM gatehouse.requests r JOIN gatehouse.accounts a ON a.id = r.account_id
       WHERE r.person_id = $1 AND r.system_id = 'connecting-care'`,
      [people.sam],
    );
    expect(rows).toEqual([{ licence_override_reason: reason, status: 'pending' }]);
    // The choice is audited with the reason and my command as it was (it goes up with the next sync).
    await expectReplicasEqualServer();
    const { rows: applied } = await owner.query(
      `SELECT reason, before_json FROM gatehouse.events WHERE action = 'trust.conflict-applied' AND subject_id = $1`,
      [people.sam],
    );
    expect(applied).toHaveLength(1);
    expect(applied[0].reason).toBe(reason);
    expect(applied[0].before_json).toContain('SD-A2');
    await expectChainsSound();
  });

  it('the same account suspended on one side and de-registered on the other: both removals apply, nothing waits', async () => {
    const suspend = (accountId: string) => ({
      accountId,
      reason: 'security-investigation',
      instructedBy: 'Dr A Director',
      instructedRole: 'director',
      urgent: true,
      reviewOn: testDate(21),
    });
    const deregister = (accountId: string) => ({
      accountId,
      reason: 'role-change',
      instructedBy: 'Line Manager',
    });
    // De-registered here offline while suspended there: the de-registration closes the suspension.
    proxyA.cut();
    await must(a, 'accounts:deregister', deregister(accounts.lee));
    await must(b, 'suspensions:suspend', suspend(accounts.lee));
    // Suspended here offline while de-registered there: the access is gone already; my suspension is superseded.
    await must(a, 'suspensions:suspend', suspend(accounts.mo));
    await must(b, 'accounts:deregister', deregister(accounts.mo));
    proxyA.restore();
    expect(await must<SyncStatus>(a, 'sync:now')).toMatchObject({ queued: 0, conflicts: 0 });

    const { rows } = await owner.query(
      `SELECT a.id, a.status, s.state, s.lift_reason FROM gatehouse.accounts a
       LEFT JOIN gatehouse.suspensions s ON s.account_id = a.id WHERE a.id = ANY($1) ORDER BY a.person_id = $2 DESC`,
      [[accounts.lee, accounts.mo], people.lee],
    );
    // RiO accounts cannot be deleted, only flagged disabled (DIS-2).
    expect(rows).toEqual([
      { id: accounts.lee, status: 'disabled', state: 'lifted', lift_reason: 'Superseded by de-registration' },
      { id: accounts.mo, status: 'disabled', state: null, lift_reason: null },
    ]);
    await expectReplicasEqualServer();
    await expectChainsSound();
  });

  it('the command line lists a conflict with what happened since and its choices, and applies it with a reason', async () => {
    proxyA.cut();
    await must(a, 'people:update', { id: people.sam, changes: { team: 'Night team' } });
    await must(b, 'people:update', { id: people.sam, changes: { team: 'Day team' } });
    proxyA.restore();
    expect(await must<SyncStatus>(a, 'sync:now')).toMatchObject({ conflicts: 1 });
    const [waiting] = await conflictsOf(a);
    a.close(); // the command line opens the same store
    const pass = join(dirs[0]!, 'ada.pass');
    writeFileSync(pass, `${ADMIN.passphrase}\n`);
    const asAda = ['--as', ADMIN.name, '--data-dir', dirs[0]!, '--passphrase-file', pass];
    // Asynchronously: the proxy to the register runs in this process, and signing in contacts it.
    const listed = await runGatehouseAsync(['sync', 'conflicts', ...asAda]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(`#${waiting!.id}`);
    expect(listed.stdout).toMatch(/Ada Administrator: .*Sam Patel/);
    expect(listed.stdout).toMatch(/Since: .*Ada Administrator — person\.\S+ Sam Patel/);
    expect(listed.stdout).toContain(`gatehouse sync apply ${waiting!.id} --reason TEXT`);
    const noReason = await runGatehouseAsync(['sync', 'apply', String(waiting!.id), ...asAda]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/--reason/);
    const applied = await runGatehouseAsync([
      'sync',
      'apply',
      String(waiting!.id),
      '--reason',
      'Sam moved to nights',
      ...asAda,
    ]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toBe('No conflicts.\n');
    const { rows } = await owner.query('SELECT team FROM gatehouse.people WHERE id = $1', [people.sam]);
    expect(rows).toEqual([{ team: 'Night team' }]);
  });
});
