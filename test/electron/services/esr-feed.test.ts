import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import type { EsrChange } from '../../../shared/contract/esr';
import type { Person } from '../../../shared/register';
import type { AccessRequest } from '../../../shared/requests';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must } from '../../support/temp-core';

const HEADER =
  'Change Type,Employee Number,Name,Job Title,Team,Line Manager Employee Number,Effective Date,Employment Type\n';

async function trust() {
  const core = await activeAdminCore();
  const manager = await must<Person>(core, 'people:create', {
    name: 'Ngozi Okafor',
    employeeNumber: 'E0001',
    employmentType: 'permanent',
  });
  const mover = await must<Person>(core, 'people:create', {
    name: 'Kofi Boateng',
    employeeNumber: 'E2000',
    jobRole: 'Staff Nurse',
    team: 'Podiatry',
    employmentType: 'permanent',
  });
  const leaver = await must<Person>(core, 'people:create', {
    name: 'Ama Mensah',
    employeeNumber: 'E3000',
    employmentType: 'permanent',
    smartcardUuid: '555566667777',
  });
  const moverRio = giveAccount(core, mover.id, 'rio', 'Clinician');
  giveAccount(core, leaver.id, 'emis', 'Clinician');
  const file = (rows: string) => ({ fileName: 'esr-2026-12.csv', content: HEADER + rows });
  const proposals = () => must<EsrChange[]>(core, 'esr:list', {});
  return { core, manager, mover, moverRio, leaver, file, proposals };
}

const FEED =
  'Starter,E1000,Sam Patel,Healthcare Assistant,Ward 5,E0001,01/12/2026,Permanent\n' +
  'Mover,E2000,,Ward Manager,Ward 5,E0001,01/12/2026,\n' +
  'Leaver,E3000,,,,,30/11/2026,\n';

describe('ESR change feed (seed 003)', () => {
  it('imports changes as proposals, once: the same file again adds nothing and says so', async () => {
    const { core, file, proposals } = await trust();
    expect(await must(core, 'esr:import', file(FEED))).toEqual({ added: 3, alreadyImported: 0, notes: [] });
    expect(await must(core, 'esr:import', file(FEED))).toEqual({ added: 0, alreadyImported: 3, notes: [] });
    const list = await proposals();
    expect(list.map((c) => [c.kind, c.employeeNumber, c.state])).toEqual([
      ['leaver', 'E3000', 'proposed'],
      ['mover', 'E2000', 'proposed'],
      ['starter', 'E1000', 'proposed'],
    ]);
    const mover = list.find((c) => c.kind === 'mover')!;
    expect([mover.current, mover.requested]).toEqual([
      {
        name: 'Kofi Boateng',
        jobRole: 'Staff Nurse',
        team: 'Podiatry',
        directorate: null,
        lineManager: null,
        status: 'Active',
      },
      {
        name: null,
        jobRole: 'Ward Manager',
        team: 'Ward 5',
        directorate: null,
        lineManager: 'Ngozi Okafor',
        status: 'Moves on 2026-12-01',
      },
    ]);
    expect(list.find((c) => c.kind === 'starter')!.current).toBeNull();
    core.close();
  });

  it('refuses a file with a bad line whole, naming the line, and records nothing', async () => {
    const { core, file, proposals } = await trust();
    const result = await core.call('esr:import', file(`${FEED}Promotion,E4000,,,,,01/12/2026,\n`));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message:
          'esr-2026-12.csv has a line that cannot be read. Nothing was imported; fix it and import the file again. Line 5: change type "Promotion" is not starter, mover or leaver.',
      },
    });
    expect(await proposals()).toEqual([]);
    core.close();
  });

  it('accepts a starter as a person and a new-user request that waits for the line manager (REG-2)', async () => {
    const { core, file, proposals } = await trust();
    await must(core, 'esr:import', file(FEED));
    const starter = (await proposals()).find((c) => c.kind === 'starter')!;
    const accepted = await must<ChannelOutput<'esr:accept'>>(core, 'esr:accept', { id: starter.id });
    expect(accepted.summary).toBe(
      'Sam Patel is added to the register; request ESR-E1000 for Employee Self Service waits for the line manager’s authorisation (REG-2).',
    );
    const requests = await must<AccessRequest[]>(core, 'requests:list', {});
    expect(requests.map((r) => [r.personName, r.systemId, r.role, r.state])).toEqual([
      ['Sam Patel', 'esr', 'Employee Self Service', 'awaiting-authorisation'],
    ]);
    expect(await core.call('esr:accept', { id: starter.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'That ESR change was already accepted. Refresh the list.' },
    });
    core.close();
  });

  it('leaves a starter proposed, and the register untouched, when the policy refuses it (REG-11)', async () => {
    const { core, file, proposals } = await trust();
    await must(core, 'esr:import', file('Starter,E1000,Sam Patel,HCA,Ward 5,,01/12/2026,Temporary\n'));
    const [starter] = await proposals();
    const result = await core.call('esr:accept', { id: starter!.id });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('REG-11') } });
    expect((await proposals()).map((c) => c.state)).toEqual(['proposed']);
    expect(await must<{ total: number }>(core, 'people:search', { query: 'Sam Patel' })).toMatchObject({
      total: 0,
    });
    expect(await must(core, 'audit:verify', {})).toMatchObject({ valid: true });
    core.close();
  });

  it('accepts a mover only with the access review, recording the new details and each decision (CHG-1, CHG-2)', async () => {
    const { core, file, proposals, mover, moverRio, manager } = await trust();
    await must(core, 'esr:import', file(FEED));
    const change = (await proposals()).find((c) => c.kind === 'mover')!;
    expect(await core.call('esr:accept', { id: change.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('(CHG-1, CHG-2)') },
    });
    const accepted = await must<ChannelOutput<'esr:accept'>>(core, 'esr:accept', {
      id: change.id,
      review: {
        authorisation: { by: 'Ngozi Okafor', on: '2026-11-20', how: 'email' },
        decisions: [{ accountId: moverRio, decision: 'remove' }],
      },
    });
    expect(accepted.outcomes).toEqual([{ systemName: 'RiO', role: 'Clinician', outcome: 'disabled' }]);
    const after = await must<{ person: Person }>(core, 'people:get', { id: mover.id });
    expect([after.person.jobRole, after.person.team, after.person.lineManager?.id]).toEqual([
      'Ward Manager',
      'Ward 5',
      manager.id,
    ]);
    core.close();
  });

  it('accepts a leaver by de-registering every account and raising the smartcard suspension (DIS-3, DIS-4)', async () => {
    const { core, file, proposals, leaver } = await trust();
    await must(core, 'esr:import', file(FEED));
    const change = (await proposals()).find((c) => c.kind === 'leaver')!;
    expect(change.liveAccounts).toBe(1);
    const accepted = await must<ChannelOutput<'esr:accept'>>(core, 'esr:accept', { id: change.id });
    expect(accepted.summary).toBe('Ama Mensah is de-registered from 1 system as a leaver (DIS-3).');
    const after = await must<{ person: Person }>(core, 'people:get', { id: leaver.id });
    expect([after.person.status, after.person.leftOn, after.person.accounts[0]!.status]).toEqual([
      'leaver',
      '2026-11-30',
      'disabled',
    ]);
    const tasks = await must<{ action: string }[]>(core, 'tasks:list', { state: 'open' });
    expect(tasks.map((t) => t.action)).toContain('suspend-smartcard');
    core.close();
  });

  it('rejects a change with its reason, and keeps it in the decided list', async () => {
    const { core, file, proposals } = await trust();
    await must(core, 'esr:import', file(FEED));
    const change = (await proposals()).find((c) => c.kind === 'leaver')!;
    expect(await core.call('esr:reject', { id: change.id, reason: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    await must(core, 'esr:reject', { id: change.id, reason: 'Wrong assignment: she moved to bank staff' });
    const decided = await must<EsrChange[]>(core, 'esr:list', { state: 'decided' });
    expect(decided.map((c) => [c.kind, c.state, c.decisionNote])).toEqual([
      ['leaver', 'rejected', 'Wrong assignment: she moved to bank staff'],
    ]);
    core.close();
  });
});
