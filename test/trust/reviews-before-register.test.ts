/**
 * Reviews a joined workstation started before access reviews were on the Trust register (store
 * migration shared-access-reviews notes them) go up with its next sync, audited, so every
 * administrator sees them; one whose scope is already open on the register waits in Conflicts
 * rather than opening a second review of that scope (issue 13 §3).
 */
import { randomUUID } from 'node:crypto';
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
import { activeAdminCore, ADMIN, must } from '../support/temp-core';
import { TEST_NOW, testDate } from '../support/test-clock';
import { createLogin, startTrustServer, type TrustServer } from '../support/trust-server';

describe.skipIf(postgresMissing)('reviews started before they were on the register', () => {
  let server: TrustServer;
  let owner: pg.Client;
  let a: Core;
  let b: Core;
  const dirs: string[] = [];

  /** A review as the migration leaves one made here earlier: in the store, never pushed, noted. */
  function legacyReview(
    core: Core,
    scope: { kind: string; value: string | null; key: string },
    { answer = 'keep' as string | null, noted = true } = {},
  ): string {
    const db = core.session.store!.db;
    const id = randomUUID();
    db.prepare(
      `INSERT INTO review_campaigns (id, scope_kind, scope_value, scope_key, due_on, state, started_at, started_by)
       VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`,
    ).run(
      id,
      scope.kind,
      scope.value,
      scope.key,
      testDate(10),
      TEST_NOW.toISOString(),
      core.session.operator!.id,
    );
    db.prepare(
      `INSERT INTO review_items (id, campaign_id, account_id, manager_id, answer, answered_by, answered_on)
       SELECT printf('%s:%07d', ?, row_number() OVER ()), ?, a.id, p.line_manager_id, ?, ?, ?
       FROM accounts a JOIN people p ON p.id = a.person_id WHERE ? IS NULL OR a.system_id = ?`,
    ).run(id, id, answer, answer && 'Ngozi Okafor', answer && testDate(), scope.value, scope.value);
    if (noted) db.prepare('INSERT INTO review_campaigns_to_share (id) VALUES (?)').run(id);
    return id;
  }

  beforeAll(async () => {
    server = await startTrustServer();
    await createLogin(server, 'ada_admin', 'gatehouse_administrator', ADMIN.passphrase);
    owner = await server.client();
    for (const name of ['a', 'b']) dirs.push(mkdtempSync(join(tmpdir(), `gatehouse-legacy-${name}-`)));
    a = await activeAdminCore(dirs[0]!);
    const ngozi = await must<Person>(a, 'people:create', {
      name: 'Ngozi Okafor',
      employmentType: 'permanent',
    });
    const sam = await must<Person>(a, 'people:create', {
      name: 'Sam Patel',
      employmentType: 'permanent',
      lineManagerId: ngozi.id,
    });
    giveAccount(a, sam.id, 'rio', 'Clinician');
    giveAccount(a, sam.id, 'emis', 'Clinician');
    const url = server.url('ada_admin', 'x').replace(/:x@/, '@');
    await must(a, 'sync:connect', { url, ca: server.cluster.ca, passphrase: ADMIN.passphrase });
    b = await joinAsAdmin(url, server.cluster.ca, dirs[1]!);
  }, 180_000);
  afterAll(async () => {
    a?.close();
    b?.close();
    await owner?.end();
    server?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('the next sync hands an earlier review up, audited, with its answers; every workstation then sees it', async () => {
    const id = legacyReview(b, { kind: 'system', value: 'emis', key: 'system:emis' });
    expect(await must<SyncStatus>(b, 'sync:now')).toMatchObject({ queued: 0, conflicts: 0 });
    const { rows: items } = await owner.query(
      'SELECT id, answer FROM gatehouse.review_items WHERE campaign_id = $1',
      [id],
    );
    expect(items).toEqual([{ id: `${id}:0000001`, answer: 'keep' }]);
    const { rows: events } = await owner.query(
      `SELECT subject_label FROM gatehouse.events WHERE action = 'review.shared' AND subject_id = $1`,
      [id],
    );
    expect(events).toEqual([{ subject_label: 'Access review of EMIS' }]);
    await must(a, 'sync:now');
    expect((await must<Campaign[]>(a, 'reviews:status')).find((c) => c.id === id)).toMatchObject({
      scope: 'EMIS',
      items: 1,
      answered: 1,
    });
    expect(await must<ReviewItem[]>(a, 'reviews:items', { campaignId: id })).toEqual(
      await must<ReviewItem[]>(b, 'reviews:items', { campaignId: id }),
    );
    // Handed up once: a later sync sends nothing more.
    expect(await must<SyncStatus>(b, 'sync:now')).toMatchObject({ queued: 0, conflicts: 0 });
  });

  it('one whose scope is already open on the register waits in Conflicts, and the register keeps its own', async () => {
    const open = await must<Campaign>(a, 'reviews:start', { scope: { kind: 'trust' }, dueOn: testDate(14) });
    const mine = legacyReview(b, { kind: 'trust', value: null, key: 'trust' });
    expect(await must<SyncStatus>(b, 'sync:now')).toMatchObject({ queued: 0, conflicts: 1 });
    const [waiting] = await must<SyncConflict[]>(b, 'sync:conflicts');
    expect(waiting).toMatchObject({
      channel: 'reviews:share',
      summary: 'Access review handed up to the Trust register: Access review of the whole Trust',
      problem: expect.stringMatching(/review_campaigns_open_scope/),
    });
    // The replica is the register again: its open review of the whole Trust, not mine.
    const reviews = await must<Campaign[]>(b, 'reviews:status');
    expect(reviews.map((c) => c.id)).toContain(open.id);
    expect(reviews.map((c) => c.id)).not.toContain(mine);
    await must(b, 'sync:discard', {
      id: waiting!.id,
      reason: 'The Trust-wide review is open on the register',
    });
    expect(await must<SyncStatus>(b, 'sync:now')).toMatchObject({ queued: 0, conflicts: 0 });
  });

  it('an earlier review takes no answer until it has gone up, so the answer cannot go up before it', async () => {
    const id = legacyReview(b, { kind: 'system', value: 'rio', key: 'system:rio' }, { answer: null });
    const [item] = await must<ReviewItem[]>(b, 'reviews:items', { campaignId: id });
    const answer = { itemId: item!.id, answer: 'keep', answeredBy: 'Ngozi Okafor', answeredOn: testDate() };
    expect(await b.call('reviews:answer', answer)).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringMatching(/is not there yet.*syncs this workstation first/),
      },
    });
    expect(await b.call('reviews:escalate', { campaignId: id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await must<SyncStatus>(b, 'sync:now')).toMatchObject({ queued: 0, conflicts: 0 });
    await must(b, 'reviews:answer', answer);
    expect(await must<SyncStatus>(b, 'sync:now')).toMatchObject({ queued: 0, conflicts: 0 });
    const { rows } = await owner.query('SELECT state FROM gatehouse.review_campaigns WHERE id = $1', [id]);
    expect(rows).toEqual([{ state: 'closed' }]);
  });

  it('a pull brings the register’s open review beside one here of the same scope that has not gone up', async () => {
    const theirs = await must<Campaign>(a, 'reviews:start', {
      scope: { kind: 'system', systemId: 'rio' },
      dueOn: testDate(14),
    });
    // As a sync by someone who may not hand reviews up leaves it: here, open, not on the register.
    const mine = legacyReview(b, { kind: 'system', value: 'rio', key: 'system:rio' }, { noted: false });
    expect(await must<SyncStatus>(b, 'sync:now')).toMatchObject({ queued: 0, conflicts: 0 });
    const here = (await must<Campaign[]>(b, 'reviews:status')).map((c) => c.id);
    expect(here).toEqual(expect.arrayContaining([theirs.id, mine]));
  });
});
