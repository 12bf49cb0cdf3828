import { describe, expect, it } from 'vitest';
import type { Suspension } from '../../../shared/access-changes';
import type { AuditEvent } from '../../../shared/model';
import type { Person } from '../../../shared/register';
import type { Task } from '../../../shared/requests';
import type { Core } from '../../../electron/core';
import { overtakenBecause } from '../../../shared/policy/contradicting-tasks';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must } from '../../support/temp-core';

const openTasks = async (core: Core) =>
  (await must<Task[]>(core, 'tasks:list', { state: 'open' })).map((t) => t.description);
const cancellations = async (core: Core) =>
  (await must<{ events: AuditEvent[] }>(core, 'audit:list', { action: 'task.cancelled' })).events;

async function leeWithRio(core: Core) {
  const lee = await must<Person>(core, 'people:create', { name: 'Lee Leaver', employmentType: 'permanent' });
  return { lee, rio: giveAccount(core, lee.id, 'rio', 'Clinician') };
}

describe('a later task cancels the open task it contradicts (REP-3)', () => {
  it('lifting an urgent suspension before it was carried out cancels the suspension task, and says so', async () => {
    const core = await activeAdminCore();
    const { rio } = await leeWithRio(core);
    const suspension = await must<Suspension>(core, 'suspensions:suspend', {
      accountId: rio,
      reason: 'security-investigation',
      instructedBy: 'Dr A Director',
      instructedRole: 'director',
      urgent: true,
      reviewOn: '2026-12-21',
    });
    await must(core, 'suspensions:lift', { suspensionId: suspension.id, reason: 'No case to answer' });
    expect(await openTasks(core)).toEqual(['Reactivate Lee Leaver’s RiO account (suspension lifted)']);
    const cancelled = core.session
      .store!.db.prepare(`SELECT description FROM tasks WHERE state = 'cancelled'`)
      .all();
    expect(cancelled).toEqual([
      { description: 'URGENT: suspend Lee Leaver’s RiO account (investigation of a security incident)' },
    ]);
    expect(await cancellations(core)).toEqual([
      expect.objectContaining({
        reason: 'Cancelled: the suspension was lifted before it was carried out',
        subjectLabel: 'Lee Leaver',
      }),
    ]);
    core.close();
  });

  it('de-registering cancels a role change not yet carried out; unrelated tasks stay open', async () => {
    const core = await activeAdminCore();
    const { lee, rio } = await leeWithRio(core);
    const network = giveAccount(core, lee.id, 'network', 'Standard user');
    await must(core, 'people:reviewMove', {
      personId: lee.id,
      changes: { team: 'Inpatient Ward A' },
      authorisation: { by: 'Ngozi Okafor', on: '2026-11-23', how: 'email' },
      decisions: [
        { accountId: rio, decision: 'change-role', newRole: 'Clinical administrator' },
        { accountId: network, decision: 'change-role', newRole: 'Shared drive access' },
      ],
    });
    await must(core, 'accounts:deregister', {
      accountId: rio,
      reason: 'role-change',
      instructedBy: 'Ngozi Okafor',
    });
    const open = await openTasks(core);
    expect(open).not.toContain('Change Lee Leaver’s RiO role to Clinical administrator');
    expect(open).toContain('Change Lee Leaver’s ELFT Network Access role to Shared drive access');
    expect((await cancellations(core)).map((e) => e.reason)).toEqual([
      'Cancelled: the account was de-registered before the role change was carried out',
    ]);
    core.close();
  });
});

describe('which task overtakes which', () => {
  it('pairs suspension with reactivation both ways, and de-registration with set-up', () => {
    expect(overtakenBecause('reactivate-account', 'suspend-account')).toMatch(/lifted/);
    expect(overtakenBecause('suspend-account', 'reactivate-account')).toMatch(/suspended again/);
    expect(overtakenBecause('disable-account', 'create-account')).toMatch(/before it was set up/);
    expect(overtakenBecause('delete-account', 'create-account')).toMatch(/before it was set up/);
    expect(overtakenBecause('change-role', 'suspend-account')).toBeNull();
    expect(overtakenBecause('suspend-account', 'suspend-smartcard')).toBeNull();
  });
});
