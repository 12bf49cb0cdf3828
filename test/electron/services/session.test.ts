import { describe, expect, it } from 'vitest';
import type { AuditEvent, SessionState } from '../../../shared/model';
import { ACCEPTABLE_USE_VERSION } from '../../../shared/policy/acceptable-use';
import { backoffSeconds } from '../../../electron/store/sign-in-throttle';
import { OWASP_SCRYPT } from '../../../electron/store/kdf';
import { ADMIN, TestClock, activeAdminCore, must, newCore, tempDir } from '../../support/temp-core';

const auditActions = async (core: Awaited<ReturnType<typeof activeAdminCore>>) =>
  (await must<{ events: AuditEvent[] }>(core, 'audit:list', { limit: 500 })).events
    .map((e) => e.action)
    .reverse();

describe('first run and sign-in', () => {
  it('uses OWASP scrypt parameters by default', () => {
    expect(OWASP_SCRYPT).toEqual({ name: 'scrypt', N: 131072, r: 8, p: 1 });
  });

  it('starts at first run, then creates the administrator and shows the acceptable use statement (USE-2)', async () => {
    const core = newCore();
    expect(await must(core, 'session:status')).toEqual({ state: 'first-run' });
    const state = await must<SessionState>(core, 'session:createFirstAdministrator', ADMIN);
    expect(state).toMatchObject({
      state: 'acknowledging',
      operator: { name: ADMIN.name, role: 'administrator' },
      acceptableUse: {
        version: ACCEPTABLE_USE_VERSION,
        paragraphs: expect.arrayContaining([expect.stringMatching(/never share/i)]),
      },
    });
    core.close();
  });

  it('refuses a short or common first passphrase', async () => {
    const core = newCore();
    const short = await core.call('session:createFirstAdministrator', {
      name: ADMIN.name,
      passphrase: 'tooshort',
    });
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSPHRASE', message: expect.stringMatching(/at least 12 characters/) },
    });
    const common = await core.call('session:createFirstAdministrator', {
      name: ADMIN.name,
      passphrase: 'password1234',
    });
    expect(common).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSPHRASE', message: expect.stringMatching(/common passwords/) },
    });
    expect(await must(core, 'session:status')).toEqual({ state: 'first-run' });
  });

  it('shows the statement at every sign-in and records each acknowledgement (USE-2)', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const core = newCore(dir);
    const state = await must<SessionState>(core, 'session:signIn', ADMIN);
    expect(state.state).toBe('acknowledging');
    await must(core, 'session:acknowledgeAcceptableUse', { version: ACCEPTABLE_USE_VERSION });
    const acknowledgements = (await auditActions(core)).filter(
      (a) => a === 'session.acceptable-use-acknowledged',
    );
    expect(acknowledgements).toHaveLength(2);
    core.close();
  });

  it('refuses an acknowledgement of a statement version that was not shown', async () => {
    const core = newCore();
    await must(core, 'session:createFirstAdministrator', ADMIN);
    const result = await core.call('session:acknowledgeAcceptableUse', { version: '1999-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await must<SessionState>(core, 'session:status')).state).toBe('acknowledging');
    core.close();
  });

  it('backs off after repeated failures, and the delay survives a restart', async () => {
    const dir = tempDir();
    (await activeAdminCore(dir)).close();
    const clock = new TestClock();
    const wrong = { name: ADMIN.name, passphrase: 'definitely the wrong words' };
    for (let i = 0; i < 3; i += 1) await newCore(dir, clock).call('session:signIn', wrong);
    // A new core is a restart: it must still make the operator wait, even for the right passphrase.
    const restarted = newCore(dir, clock);
    const refused = await restarted.call('session:signIn', ADMIN);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'THROTTLED', message: expect.stringMatching(/Wait 2 seconds/) },
    });
    clock.advance(backoffSeconds(3) * 1000);
    expect((await must<SessionState>(restarted, 'session:signIn', ADMIN)).state).toBe('acknowledging');
    await must(restarted, 'session:acknowledgeAcceptableUse', { version: ACCEPTABLE_USE_VERSION });
    const events = (
      await must<{ events: AuditEvent[] }>(restarted, 'audit:list', { action: 'session.signed-in' })
    ).events;
    expect(events[0]?.after).toMatchObject({ failedAttemptsBefore: 3 });
    restarted.close();
  });

  it('grows the delay and caps it at five minutes', () => {
    expect([1, 2, 3, 4, 5, 12, 40].map(backoffSeconds)).toEqual([0, 0, 2, 4, 8, 300, 300]);
  });
});

describe('idle lock', () => {
  it('locks after the configured idle time and drops the key', async () => {
    const clock = new TestClock();
    const core = await activeAdminCore(tempDir(), clock);
    await must(core, 'settings:update', { idleLockMinutes: 5 });
    const store = core.session.store!;
    const changes: SessionState[] = [];
    core.events.on('session:changed', (state) => changes.push(state));
    clock.advance(4 * 60_000);
    core.checkIdle();
    expect(core.session.operator).not.toBeNull();
    clock.advance(60_000);
    core.checkIdle();
    expect(changes.at(-1)).toEqual({ state: 'signed-out', reason: 'idle' });
    expect(store.dataKey.equals(Buffer.alloc(32))).toBe(true);
    expect(() => store.db.prepare('SELECT 1').get()).toThrow(/not open/);
    expect(await core.call('operators:list', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
  });

  it('counts any call as activity', async () => {
    const clock = new TestClock();
    const core = await activeAdminCore(tempDir(), clock);
    clock.advance(9 * 60_000);
    await must(core, 'session:touch');
    clock.advance(9 * 60_000);
    core.checkIdle();
    expect(core.session.isActive).toBe(true);
    core.close();
  });

  it('locks on the next call when the timer has not yet fired', async () => {
    const clock = new TestClock();
    const core = await activeAdminCore(tempDir(), clock);
    clock.advance(11 * 60_000);
    expect(await core.call('operators:list', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
    expect(await must(core, 'session:status')).toEqual({ state: 'signed-out', reason: 'idle' });
  });
});

describe('operators', () => {
  it('lets an operator change their own passphrase; the old one stops working', async () => {
    const dir = tempDir();
    const core = await activeAdminCore(dir);
    const next = 'a brand new passphrase for ada';
    expect(
      await core.call('session:changePassphrase', { current: 'wrong current passphrase', next }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PASSPHRASE_NOT_RECOGNISED' },
    });
    await must(core, 'session:changePassphrase', { current: ADMIN.passphrase, next });
    core.close();
    expect(await newCore(dir).call('session:signIn', ADMIN)).toMatchObject({ ok: false });
    expect(await newCore(dir).call('session:signIn', { name: ADMIN.name, passphrase: next })).toMatchObject({
      ok: true,
    });
  });

  it('adds and revokes operators; a revoked operator cannot sign in and their events stay', async () => {
    const dir = tempDir();
    const admin = await activeAdminCore(dir);
    const colleague = { name: 'Colin Colleague', passphrase: 'walnut staircase by the sea' };
    const added = await must<{ id: string }>(admin, 'operators:add', { ...colleague, role: 'auditor' });
    admin.close();
    const asColleague = newCore(dir);
    await must(asColleague, 'session:signIn', colleague);
    await must(asColleague, 'session:signOut');
    const again = await activeAdminCore(dir).catch(() => null);
    expect(again).toBeNull(); // the store exists: first run is refused
    const admin2 = newCore(dir);
    await must(admin2, 'session:signIn', ADMIN);
    await must(admin2, 'session:acknowledgeAcceptableUse', { version: ACCEPTABLE_USE_VERSION });
    await must(admin2, 'operators:revoke', { id: added.id, reason: 'Left the Trust on 20 November' });
    const events = (await must<{ events: AuditEvent[] }>(admin2, 'audit:list', { operatorId: added.id }))
      .events;
    expect(events.map((e) => e.action)).toEqual(['session.signed-out', 'session.signed-in']);
    admin2.close();
    expect(await newCore(dir).call('session:signIn', colleague)).toMatchObject({
      ok: false,
      error: { code: 'PASSPHRASE_NOT_RECOGNISED' },
    });
  });

  it('refuses duplicate names and self-revocation', async () => {
    const core = await activeAdminCore();
    const dup = await core.call('operators:add', {
      name: ADMIN.name.toUpperCase(),
      role: 'auditor',
      passphrase: 'another fine passphrase',
    });
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const me = core.session.operator!.id;
    expect(await core.call('operators:revoke', { id: me, reason: 'testing the rule' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/your own access/) },
    });
    core.close();
  });

  it('refuses a new operator’s passphrase that contains their name, naming them rather than "your own name"', async () => {
    const core = await activeAdminCore();
    expect(
      await core.call('operators:add', {
        name: 'Sam Patel',
        role: 'auditor',
        passphrase: 'sampatel rides again',
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'WEAK_PASSPHRASE',
        message: 'The passphrase must not contain the operator’s name (Sam Patel).',
      },
    });
    core.close();
  });
});
