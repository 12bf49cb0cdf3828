import { describe, expect, it } from 'vitest';
import type { Operator, SessionState } from '../../../shared/model';
import type { Person } from '../../../shared/register';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must, newCore, signedInCore, tempDir } from '../../support/temp-core';

const RIO_ADMIN = { name: 'Rhiannon Rio', passphrase: 'clinical systems every day' };

async function scopedTrust() {
  const dir = tempDir();
  const admin = await activeAdminCore(dir);
  const operator = await must<Operator>(admin, 'operators:add', {
    ...RIO_ADMIN,
    role: 'administrator',
    systems: ['rio'],
  });
  const sam = await must<Person>(admin, 'people:create', { name: 'Sam Patel', employmentType: 'permanent' });
  const rio = giveAccount(admin, sam.id, 'rio', 'Clinician');
  const emis = giveAccount(admin, sam.id, 'emis', 'Clinician');
  admin.close();
  const core = newCore(dir);
  const state = await must<SessionState>(core, 'session:signIn', RIO_ADMIN);
  await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
  return { core, operator, state, sam, rio, emis };
}

describe('operators scoped to systems', () => {
  it('carries the scope into the session, for the screens to show the rest read-only', async () => {
    const { core, operator, state } = await scopedTrust();
    expect(operator.systems).toEqual(['rio']);
    expect(state.state === 'acknowledging' && state.operator.systems).toEqual(['rio']);
    core.close();
  });

  it('acts on accounts of their own systems and sees the others read-only', async () => {
    const { core, sam, rio, emis } = await scopedTrust();
    const suspend = {
      reason: 'long-term-absence',
      instructedBy: 'Ngozi Okafor',
      instructedRole: 'line-manager',
      reviewOn: '2027-01-31',
    };
    expect(await core.call('suspensions:suspend', { ...suspend, accountId: rio })).toMatchObject({
      ok: true,
    });
    const refused = await core.call('suspensions:suspend', { ...suspend, accountId: emis });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: expect.stringMatching(/EMIS is not among them: you can see it but not change it/),
      },
    });
    expect(await core.call('catalogue:get', { id: 'emis' })).toMatchObject({ ok: true });
    expect(
      await core.call('catalogue:update', { id: 'emis', changes: { inactivityDays: 60 } }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await core.call('downtime:markDown', { systemId: 'emis', severity: 'high', note: 'Not mine to say' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const request = {
      type: 'amendment',
      reference: 'SD-5',
      personId: sam.id,
      role: 'Read only',
      purpose: 'Change',
      purposeKind: 'direct-care',
    };
    expect(await core.call('requests:create', { ...request, systemId: 'emis' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    core.close();
  });

  it('cannot de-register a leaver whose accounts reach beyond their systems (DIS-3)', async () => {
    const { core, sam } = await scopedTrust();
    const result = await core.call('people:deregisterLeaver', {
      personId: sam.id,
      leftOn: '2026-11-30',
      source: 'line-manager',
      instructedBy: 'Ngozi Okafor',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/also has accounts on EMIS/) },
    });
    core.close();
  });

  it('leaves Trust-wide changes to administrators of every system', async () => {
    const { core } = await scopedTrust();
    expect(
      await core.call('operators:add', {
        name: 'Another One',
        role: 'auditor',
        passphrase: 'a fine long passphrase',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.call('settings:update', { idleLockMinutes: 20 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    core.close();
  });

  it('lets an administrator of every system change a scope, audited', async () => {
    const dir = tempDir();
    const admin = await activeAdminCore(dir);
    const operator = await must<Operator>(admin, 'operators:add', {
      ...RIO_ADMIN,
      role: 'administrator',
      systems: ['rio'],
    });
    const changed = await must<Operator>(admin, 'operators:setSystems', {
      id: operator.id,
      systems: ['emis', 'rio', 'systmone'],
    });
    expect(changed.systems).toEqual(['emis', 'rio', 'systmone']);
    expect(
      await admin.call('operators:setSystems', { id: operator.id, systems: ['nonsense'] }),
    ).toMatchObject({
      ok: false,
      error: { message: 'Not in the catalogue: nonsense. Choose systems from the catalogue list.' },
    });
    admin.close();
  });

  it('shows a scoped administrator the work queue of their systems only', async () => {
    const dir = tempDir();
    const admin = await activeAdminCore(dir);
    await must(admin, 'operators:add', { ...RIO_ADMIN, role: 'administrator', systems: ['rio'] });
    const sam = await must<Person>(admin, 'people:create', {
      name: 'Sam Patel',
      employmentType: 'permanent',
    });
    const request = {
      type: 'new-user',
      personId: sam.id,
      role: 'Clinician',
      purpose: 'Caseload',
      purposeKind: 'direct-care',
      authorisation: { by: 'Ngozi Okafor', on: '2026-11-23', how: 'email' },
    };
    await must(admin, 'requests:create', { ...request, reference: 'SD-R', systemId: 'rio' });
    await must(admin, 'requests:create', { ...request, reference: 'SD-E', systemId: 'emis' });
    expect((await must<{ tasksWaiting: number }>(admin, 'dashboard:queue')).tasksWaiting).toBe(2);
    admin.close();
    const core = await signedInCore(dir, RIO_ADMIN);
    const queue = await must<{ tasksWaiting: number; tasks: { systemName: string }[] }>(
      core,
      'dashboard:queue',
    );
    expect(queue.tasksWaiting).toBe(1);
    expect(queue.tasks.map((t) => t.systemName)).toEqual(['RiO']);
    core.close();
  });
});
