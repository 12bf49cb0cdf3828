import { describe, expect, it } from 'vitest';
import type { AccountOutcome, Suspension } from '../../../shared/access-changes';
import type { AuditEvent } from '../../../shared/model';
import type { Person } from '../../../shared/register';
import type { Task } from '../../../shared/requests';
import type { Core } from '../../../electron/core';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must } from '../../support/temp-core';

const SUSPEND = {
  reason: 'security-investigation',
  instructedBy: 'Dr A Director',
  instructedRole: 'director',
  urgent: true,
  reviewOn: '2026-12-21',
};

async function staff(core: Core, extra: Record<string, unknown> = {}) {
  return must<Person>(core, 'people:create', {
    name: 'Lee Leaver',
    employmentType: 'permanent',
    smartcardUuid: '700000000009',
    ...extra,
  });
}
const accountsOf = async (core: Core, id: string) =>
  (await must<{ person: Person }>(core, 'people:get', { id })).person.accounts;
const tasks = async (core: Core) =>
  (await must<Task[]>(core, 'tasks:list', { state: 'open' })).map((t) => t.description);

describe('temporary suspension (SUS-1..SUS-4)', () => {
  it('suspends at once with who instructed it and why, raises the task, and lifts with a reason', async () => {
    const core = await activeAdminCore();
    const lee = await staff(core);
    const rio = giveAccount(core, lee.id, 'rio', 'Clinician');
    const suspension = await must<Suspension>(core, 'suspensions:suspend', { ...SUSPEND, accountId: rio });
    expect(suspension).toMatchObject({
      state: 'in-force',
      urgent: true,
      startsOn: '2026-11-23',
      instructedBy: 'Dr A Director',
    });
    expect((await accountsOf(core, lee.id))[0]?.status).toBe('suspended');
    expect(await tasks(core)).toEqual([
      'URGENT: suspend Lee Leaver’s RiO account (investigation of a security incident)',
    ]);
    const [event] = (
      await must<{ events: AuditEvent[] }>(core, 'audit:list', { action: 'account.suspended' })
    ).events;
    expect(event).toMatchObject({
      instructedBy: 'Dr A Director (director)',
      reason: 'Investigation of a security incident',
    });

    await must(core, 'suspensions:lift', {
      suspensionId: suspension.id,
      reason: 'Investigation closed: no case to answer',
    });
    expect((await accountsOf(core, lee.id))[0]?.status).toBe('active');
    expect(await must(core, 'suspensions:list', {})).toEqual([]);
    core.close();
  });

  it('needs a note for other exceptional circumstances', async () => {
    const core = await activeAdminCore();
    const lee = await staff(core);
    const rio = giveAccount(core, lee.id, 'rio', 'Clinician');
    expect(
      await core.call('suspensions:suspend', { ...SUSPEND, accountId: rio, reason: 'other' }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/SUS-1/) } });
    core.close();
  });

  it('treats lifting an inactivity suspension as a re-registration that needs manager approval (RRG-1)', async () => {
    const core = await activeAdminCore();
    const lee = await staff(core);
    const rio = giveAccount(core, lee.id, 'rio', 'Clinician');
    const suspension = await must<Suspension>(core, 'suspensions:suspend', {
      ...SUSPEND,
      accountId: rio,
      reason: 'inactivity',
      urgent: false,
    });
    const refused = await core.call('suspensions:lift', {
      suspensionId: suspension.id,
      reason: 'Back from leave',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'REFUSED_BY_POLICY', message: expect.stringMatching(/RRG-1/) },
    });
    await must(core, 'suspensions:lift', {
      suspensionId: suspension.id,
      reason: 'Back from leave',
      approval: { by: 'Ngozi Okafor', role: 'line-manager', on: '2026-11-23' },
    });
    const [event] = (
      await must<{ events: AuditEvent[] }>(core, 'audit:list', { action: 'account.re-registered' })
    ).events;
    expect(event).toMatchObject({ instructedBy: 'Ngozi Okafor (line manager)' });
    core.close();
  });
});

describe('permanent de-registration (DIS-1..DIS-4)', () => {
  it('flags an account disabled where the system forbids deletion, and deletes it where it allows (DIS-2)', async () => {
    const core = await activeAdminCore();
    const lee = await staff(core);
    const emis = giveAccount(core, lee.id, 'emis', 'Clinician');
    const network = giveAccount(core, lee.id, 'network', 'Standard user');
    const why = { reason: 'disciplinary', instructedBy: 'Dr A Director' };
    expect(await must(core, 'accounts:deregister', { ...why, accountId: emis })).toEqual([
      { systemName: 'EMIS', role: 'Clinician', outcome: 'disabled' },
    ]);
    expect(await must(core, 'accounts:deregister', { ...why, accountId: network })).toEqual([
      { systemName: 'ELFT Network Access', role: 'Standard user', outcome: 'deleted' },
    ]);
    core.close();
  });

  it('de-registers every live account of a leaver on every system in one action, and suspends their smartcard (DIS-3, DIS-4)', async () => {
    const core = await activeAdminCore();
    const lee = await staff(core);
    giveAccount(core, lee.id, 'emis', 'Clinician');
    giveAccount(core, lee.id, 'network', 'Standard user');
    giveAccount(core, lee.id, 'esr', 'Employee Self Service', 'suspended');
    giveAccount(core, lee.id, 'rio', 'Read only', 'disabled');
    const outcomes = await must<AccountOutcome[]>(core, 'people:deregisterLeaver', {
      personId: lee.id,
      leftOn: '2026-11-30',
      source: 'hr-leavers-report',
      instructedBy: 'HR leavers report, November 2026',
    });
    expect(outcomes.map((o) => `${o.systemName}: ${o.outcome}`).sort()).toEqual([
      'ELFT Network Access: deleted',
      'EMIS: disabled',
      'Electronic Staff Record (ESR): deleted',
    ]);
    const after = await accountsOf(core, lee.id);
    expect(after.filter((a) => ['pending', 'active', 'suspended'].includes(a.status))).toEqual([]);
    expect(await tasks(core)).toContain(
      'Suspend smartcard 700000000009 of Lee Leaver at once (leaver, DIS-4)',
    );
    const { person } = await must<{ person: Person }>(core, 'people:get', { id: lee.id });
    expect(person).toMatchObject({ status: 'leaver', leftOn: '2026-11-30' });
    expect(
      await core.call('requests:create', {
        type: 'new-user',
        reference: 'SD-9',
        personId: lee.id,
        systemId: 'rio',
        role: 'Clinician',
        purpose: 'Back again',
        purposeKind: 'direct-care',
      }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/left the Trust/) },
    });
    core.close();
  });
});

describe('change of access rights (CHG-1, CHG-2)', () => {
  it('reviews every account of a mover with the line manager’s authorisation', async () => {
    const core = await activeAdminCore();
    const lee = await staff(core, { jobRole: 'Staff Nurse', team: 'Crisis Team' });
    const rio = giveAccount(core, lee.id, 'rio', 'Clinician');
    const epma = giveAccount(core, lee.id, 'epma', 'Prescriber');
    const network = giveAccount(core, lee.id, 'network', 'Standard user');
    const authorisation = { by: 'Ngozi Okafor', on: '2026-11-23', how: 'email' };
    const partial = await core.call('people:reviewMove', {
      personId: lee.id,
      changes: { team: 'Inpatient Ward A' },
      authorisation,
      decisions: [{ accountId: rio, decision: 'keep' }],
    });
    expect(partial).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /Review every account \(CHG-2\): no decision for (ePMA, ELFT Network Access|ELFT Network Access, ePMA)/,
        ),
      },
    });
    const outcomes = await must<AccountOutcome[]>(core, 'people:reviewMove', {
      personId: lee.id,
      changes: { jobRole: 'Ward Manager', team: 'Inpatient Ward A' },
      authorisation,
      decisions: [
        { accountId: rio, decision: 'change-role', newRole: 'Clinical administrator' },
        { accountId: epma, decision: 'remove' },
        { accountId: network, decision: 'keep' },
      ],
    });
    expect(outcomes.map((o) => `${o.systemName}: ${o.outcome}`)).toEqual([
      'RiO: role-change-raised',
      'ePMA: disabled',
      'ELFT Network Access: kept',
    ]);
    expect(await tasks(core)).toContain('Change Lee Leaver’s RiO role to Clinical administrator');
    const { person } = await must<{ person: Person }>(core, 'people:get', { id: lee.id });
    expect(person).toMatchObject({ jobRole: 'Ward Manager', team: 'Inpatient Ward A' });
    const [event] = (await must<{ events: AuditEvent[] }>(core, 'audit:list', { action: 'person.moved' }))
      .events;
    expect(event?.instructedBy).toBe('Ngozi Okafor (line manager, 2026-11-23, by email)');
    core.close();
  });
});
