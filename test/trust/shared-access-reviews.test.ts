/**
 * Access review campaigns are the Trust's (issue 13 §3 on the register of issue 11, server step 10):
 * a campaign started on one workstation is seen on every other, "one open campaign per scope" holds
 * across the Trust (the start syncs first, as a Trust-wide job, and the register's unique index
 * refuses what a stale workstation would force), answers recorded anywhere reach everyone, and two
 * answers to the same account meet as a conflict for a person, never a silent overwrite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import type { Campaign, ReviewItem } from '../../shared/access-reviews';
import type { SyncConflict, SyncStatus } from '../../shared/contract/sync';
import type { Person } from '../../shared/register';
import { joinAsAdmin } from '../support/join-register';
import { postgresMissing } from '../support/postgres';
import { giveAccount } from '../support/register-fixtures';
import { startProxy, type TcpProxy } from '../support/tcp-proxy';
import { activeAdminCore, ADMIN, must } from '../support/temp-core';
import { testDate } from '../support/test-clock';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

const LOGIN = 'ada_admin';
const TRUST = { kind: 'trust' } as const;

describe.skipIf(postgresMissing)('access review campaigns on the Trust register', () => {
  let server: TrustServer;
  let proxyB: TcpProxy;
  let owner: pg.Client;
  let a: Core;
  let b: Core;
  let first: Campaign;
  const dirs: string[] = [];

  const status = (core: Core) => must<Campaign[]>(core, 'reviews:status');
  const items = (core: Core, campaignId = first.id) =>
    must<ReviewItem[]>(core, 'reviews:items', { campaignId });
  const itemOf = async (core: Core, person: string, system: string) =>
    (await items(core)).find((i) => i.personName === person && i.systemName === system)!;
  const answer = (core: Core, item: ReviewItem, answeredBy: string) =>
    core.call('reviews:answer', { itemId: item.id, answer: 'keep', answeredBy, answeredOn: testDate() });
  const rows = (core: Core, table: string) =>
    core.session.store!.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();

  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, LOGIN, 'gatehouse_administrator', ADMIN.passphrase);
    owner = await server.client();
    proxyB = await startProxy(server.cluster.port);
    // Kept for the whole file: the two workstations live across its steps.
    for (const name of ['a', 'b']) dirs.push(mkdtempSync(join(tmpdir(), `gatehouse-reviews-${name}-`)));
    a = await activeAdminCore(dirs[0]!);
    const add = (name: string, extra: Record<string, unknown> = {}) =>
      must<Person>(a, 'people:create', { name, employmentType: 'permanent', ...extra });
    const sara = await add('Sara Senior');
    const ngozi = await add('Ngozi Okafor', { lineManagerId: sara.id });
    const sam = await add('Sam Patel', { team: 'Ward 5', lineManagerId: ngozi.id });
    const lee = await add('Lee Chan', { team: 'Ward 5', lineManagerId: ngozi.id });
    giveAccount(a, sam.id, 'rio', 'Clinician');
    giveAccount(a, sam.id, 'network', 'Standard user');
    giveAccount(a, lee.id, 'rio', 'Read only');
    const url = (port: number) => server.url(LOGIN, 'x', port).replace(/:x@/, '@');
    await must(a, 'sync:connect', {
      url: url(server.cluster.port),
      ca: server.cluster.ca,
      passphrase: ADMIN.passphrase,
    });
    b = await joinAsAdmin(url(proxyB.port), server.cluster.ca, dirs[1]!);
  }, 180_000);
  afterAll(async () => {
    a?.close();
    b?.close();
    await owner?.end();
    await proxyB?.close();
    server?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a review started on one workstation is the register’s; the other, syncing before its own start, is refused for that scope', async () => {
    first = await must<Campaign>(a, 'reviews:start', { scope: TRUST, dueOn: testDate(14) });
    expect(first).toMatchObject({ scope: 'the whole Trust', items: 3, state: 'open' });
    const { rows: onServer } = await owner.query(
      `SELECT c.state, count(i.id)::int AS items FROM gatehouse.review_campaigns c
       JOIN gatehouse.review_items i ON i.campaign_id = c.id WHERE c.id = $1 GROUP BY c.state`,
      [first.id],
    );
    expect(onServer).toEqual([{ state: 'open', items: 3 }]);

    // B has not synced since it joined: only the start's own sync can tell it of A's campaign.
    expect(rows(b, 'review_campaigns')).toEqual([]);
    expect(await b.call('reviews:start', { scope: TRUST, dueOn: testDate(21) })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/review of the whole Trust is already open/),
      },
    });
    expect(await status(b)).toEqual(await status(a));
    expect(await items(b)).toEqual(await items(a));

    // Another scope is free, and goes to A in turn.
    const rio = await must<Campaign>(b, 'reviews:start', {
      scope: { kind: 'system', systemId: 'rio' },
      dueOn: testDate(21),
    });
    await must(a, 'sync:now');
    expect((await status(a)).map((c) => c.id).sort()).toEqual([first.id, rio.id].sort());
  });

  it('starting needs the register: offline, the start is refused with what to do', async () => {
    proxyB.cut();
    try {
      const offline = await b.call('reviews:start', {
        scope: { kind: 'team', team: 'Ward 5' },
        dueOn: testDate(21),
      });
      expect(offline).toMatchObject({
        ok: false,
        error: {
          code: 'UNAVAILABLE',
          message: expect.stringMatching(
            /The start of an access review runs once for the whole Trust and needs the Trust register, which cannot be reached now\. Run it when this workstation is connected\./,
          ),
        },
      });
    } finally {
      proxyB.restore();
    }
    expect(await status(b)).toHaveLength(2);
  });

  it('the register refuses a second open review of a scope that a stale workstation forces', async () => {
    const db = b.session.store!.db;
    // As if B's replica had missed A's campaign: its copy reads closed (not captured: no command).
    db.prepare(`UPDATE review_campaigns SET state = 'closed' WHERE id = ?`).run(first.id);
    try {
      expect(await b.call('reviews:start', { scope: TRUST, dueOn: testDate(28) })).toMatchObject({
        ok: true,
      });
      expect(await must<SyncStatus>(b, 'sync:status')).toMatchObject({ queued: 0, conflicts: 1 });
      const [refused] = await must<SyncConflict[]>(b, 'sync:conflicts');
      expect(refused).toMatchObject({
        channel: 'reviews:start',
        problem: expect.stringMatching(/review_campaigns_open_scope/),
      });
      const { rows: open } = await owner.query(
        `SELECT id FROM gatehouse.review_campaigns WHERE scope_key = 'trust' AND state = 'open'`,
      );
      expect(open).toEqual([{ id: first.id }]);
      // The replica goes back to the register: the forced campaign and its items are gone.
      expect(rows(b, 'review_campaigns')).toHaveLength(2);
      await must(b, 'sync:discard', {
        id: refused!.id,
        reason: 'A review of the whole Trust is open already',
      });
    } finally {
      db.prepare(`UPDATE review_campaigns SET state = 'open' WHERE id = ?`).run(first.id);
    }
    expect(rows(b, 'review_items')).toEqual(rows(a, 'review_items'));
  });

  it('an answer recorded on one workstation reaches the other, and both show the same progress', async () => {
    expect(await answer(b, await itemOf(b, 'Sam Patel', 'RiO'), 'Ngozi Okafor')).toMatchObject({ ok: true });
    await must(a, 'sync:now');
    expect(await itemOf(a, 'Sam Patel', 'RiO')).toMatchObject({ answer: 'keep', answeredBy: 'Ngozi Okafor' });
    const progress = (await status(a)).find((c) => c.id === first.id);
    expect(progress).toMatchObject({ items: 3, answered: 1, state: 'open' });
    expect(progress!.managers).toEqual([
      expect.objectContaining({ managerName: 'Ngozi Okafor', answered: 1, kept: 1 }),
    ]);
    expect(await status(b)).toEqual(await status(a));
  });

  it('answers recorded offline queue and push; two answers to one account meet as a conflict, not an overwrite', async () => {
    proxyB.cut();
    try {
      expect(await answer(b, await itemOf(b, 'Lee Chan', 'RiO'), 'Ngozi Okafor')).toMatchObject({ ok: true });
      expect(
        await answer(b, await itemOf(b, 'Sam Patel', 'ELFT Network Access'), 'Ngozi Okafor'),
      ).toMatchObject({
        ok: true,
        value: {
          summary: expect.stringMatching(
            /every account is answered: the review of the whole Trust is closed/i,
          ),
        },
      });
      expect(await must<SyncStatus>(b, 'sync:status')).toMatchObject({ queued: 2 });
      // Meanwhile on A the same account is answered, on the senior manager's word.
      expect(
        await answer(a, await itemOf(a, 'Sam Patel', 'ELFT Network Access'), 'Sara Senior'),
      ).toMatchObject({ ok: true });
    } finally {
      proxyB.restore();
    }
    expect(await must<SyncStatus>(b, 'sync:now')).toMatchObject({ queued: 0, conflicts: 1 });
    const [mine] = await must<SyncConflict[]>(b, 'sync:conflicts');
    expect(mine).toMatchObject({ channel: 'reviews:answer', record: { label: 'Sam Patel' } });
    expect(mine!.since).toEqual([expect.objectContaining({ action: 'review.answered', label: 'Sam Patel' })]);
    // The register's answer stands on both; B's other answer went through.
    await must(a, 'sync:now');
    for (const core of [a, b]) {
      expect(await itemOf(core, 'Sam Patel', 'ELFT Network Access')).toMatchObject({
        answeredBy: 'Sara Senior',
      });
      expect(await itemOf(core, 'Lee Chan', 'RiO')).toMatchObject({
        answer: 'keep',
        answeredBy: 'Ngozi Okafor',
      });
    }
    expect(await status(b)).toEqual(await status(a));
    // Applied again, the answer meets the register's: the account is answered already.
    expect(await b.call('sync:apply', { id: mine!.id, reason: 'Ngozi answered too' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/already answered.*still waits in Conflicts/),
      },
    });
    await must(b, 'sync:discard', { id: mine!.id, reason: 'The senior manager’s answer stands' });
  });

  it('a review answered in full on two workstations at once is closed by the next start of its scope', async () => {
    // Each workstation's last answer left the other's open, so neither closed the campaign.
    const before = (await status(a)).find((c) => c.id === first.id);
    expect(before).toMatchObject({ items: 3, answered: 3, state: 'open' });
    const next = await must<Campaign>(b, 'reviews:start', { scope: TRUST, dueOn: testDate(28) });
    await must(a, 'sync:now');
    for (const core of [a, b]) {
      const list = await status(core);
      expect(list.find((c) => c.id === first.id)).toMatchObject({ state: 'closed' });
      expect(list.find((c) => c.id === next.id)).toMatchObject({ state: 'open', items: 3 });
    }
    // The replicas end equal to the register.
    for (const table of ['review_campaigns', 'review_items']) {
      const { rows: expected } = await owner.query(`SELECT * FROM gatehouse.${table} ORDER BY id`);
      const stripped = expected.map(({ row_version: _, ...rest }) => rest);
      expect(rows(a, table), table).toEqual(stripped);
      expect(rows(b, table), table).toEqual(stripped);
    }
  });
});
