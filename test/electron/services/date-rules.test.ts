import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import type { EsrChange } from '../../../shared/contract/esr';
import type { Suspension } from '../../../shared/access-changes';
import type { Person } from '../../../shared/register';
import type { Core } from '../../../electron/core';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must } from '../../support/temp-core';
import { testDate } from '../../support/test-clock';

const refusedWith = (pattern: RegExp) => ({
  ok: false,
  error: { code: 'REFUSED_BY_POLICY', message: expect.stringMatching(pattern) },
});

async function trust() {
  const core = await activeAdminCore();
  const ama = await must<Person>(core, 'people:create', {
    name: 'Ama Mensah',
    employeeNumber: 'E3000',
    employmentType: 'permanent',
  });
  const rio = giveAccount(core, ama.id, 'rio', 'Clinician');
  return { core, ama, rio };
}
const statusOf = async (core: Core, id: string) => {
  const db = core.session.store!.db;
  return {
    person: (db.prepare('SELECT status FROM people WHERE id = ?').get(id) as { status: string }).status,
    accounts: (
      db.prepare('SELECT status FROM accounts WHERE person_id = ?').all(id) as { status: string }[]
    ).map((a) => a.status),
  };
};
const uk = (iso: string) => iso.split('-').reverse().join('/');

describe('a leaving date far ahead is not applied as if today (DIS-3)', () => {
  it('refuses a leaver more than 14 days ahead on the Person screen, changing nothing; 14 days ahead is applied', async () => {
    const { core, ama } = await trust();
    const far = await core.call('people:deregisterLeaver', {
      personId: ama.id,
      leftOn: testDate(200),
      source: 'line-manager',
      instructedBy: 'Ngozi Okafor',
    });
    expect(far).toMatchObject(refusedWith(/more than 14 days ahead.*Apply it nearer the date/));
    expect(await statusOf(core, ama.id)).toEqual({ person: 'active', accounts: ['active'] });
    await must(core, 'people:deregisterLeaver', {
      personId: ama.id,
      leftOn: testDate(14),
      source: 'line-manager',
      instructedBy: 'Ngozi Okafor',
    });
    expect(await statusOf(core, ama.id)).toEqual({ person: 'leaver', accounts: ['disabled'] });
    core.close();
  });

  it('names the far-dated row in the HR leavers report preview and applies nothing', async () => {
    const { core, ama } = await trust();
    const file = {
      fileName: 'leavers.csv',
      content: `Employee Name,Department,Date Left,Staff Number\nAma Mensah,Payroll,${uk(testDate(30))},E3000\n`,
    };
    const preview = await must<ChannelOutput<'leavers:preview'>>(core, 'leavers:preview', file);
    expect(preview.problems).toEqual([
      expect.stringMatching(/^Line 2: Ama Mensah leaves on .*more than 14 days ahead/),
    ]);
    expect(await core.call('leavers:apply', { ...file, choices: [] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('nothing was changed') },
    });
    expect(await statusOf(core, ama.id)).toEqual({ person: 'active', accounts: ['active'] });
    core.close();
  });

  it('refuses an ESR leaver dated far ahead at accept and leaves it proposed', async () => {
    const { core, ama } = await trust();
    await must(core, 'esr:import', {
      fileName: 'esr.csv',
      content: `Change Type,Employee Number,Name,Job Title,Team,Line Manager Employee Number,Effective Date,Employment Type\nLeaver,E3000,,,,,${uk(testDate(60))},\n`,
    });
    const [change] = await must<EsrChange[]>(core, 'esr:list', {});
    expect(await core.call('esr:accept', { id: change!.id })).toMatchObject(
      refusedWith(/more than 14 days ahead/),
    );
    expect((await must<EsrChange[]>(core, 'esr:list', {})).map((c) => c.state)).toEqual(['proposed']);
    expect(await statusOf(core, ama.id)).toEqual({ person: 'active', accounts: ['active'] });
    core.close();
  });
});

describe('an authorisation cannot be dated in the future (REG-2, CHG-1, RRG-1)', () => {
  const tomorrow = { by: 'Ngozi Okafor', on: testDate(1), how: 'email' };

  it('refuses a request whose line manager authorised it tomorrow, and an authorisation added later', async () => {
    const { core, ama } = await trust();
    const request = {
      type: 'new-user',
      reference: 'SD-1001',
      personId: ama.id,
      systemId: 'emis',
      role: 'Clinician',
      purpose: 'Caseload',
      purposeKind: 'direct-care',
    };
    expect(await core.call('requests:create', { ...request, authorisation: tomorrow })).toMatchObject(
      refusedWith(/line manager’s authorisation is dated .* after today \(REG-2\)/),
    );
    const { request: waiting } = await must<{ request: { id: string } }>(core, 'requests:create', request);
    expect(await core.call('requests:authorise', { id: waiting.id, authorisation: tomorrow })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/after today \(REG-2\)/) },
    });
    core.close();
  });

  it('refuses a mover review authorised tomorrow (CHG-1) and a lift approved tomorrow (RRG-1)', async () => {
    const { core, ama, rio } = await trust();
    expect(
      await core.call('people:reviewMove', {
        personId: ama.id,
        changes: { team: 'Ward 5' },
        authorisation: tomorrow,
        decisions: [{ accountId: rio, decision: 'keep' }],
      }),
    ).toMatchObject(refusedWith(/after today \(CHG-1\)/));
    const suspension = await must<Suspension>(core, 'suspensions:suspend', {
      accountId: rio,
      reason: 'inactivity',
      instructedBy: 'Ngozi Okafor',
      instructedRole: 'line-manager',
      urgent: false,
      reviewOn: testDate(28),
    });
    expect(
      await core.call('suspensions:lift', {
        suspensionId: suspension.id,
        reason: 'Back from leave',
        approval: { by: 'Ngozi Okafor', role: 'line-manager', on: testDate(1) },
      }),
    ).toMatchObject(refusedWith(/manager’s approval is dated .* \(RRG-1\)/));
    expect(await must<Suspension[]>(core, 'suspensions:list', {})).toHaveLength(1);
    core.close();
  });
});

describe('a temporary starter whose finishing date has passed (REG-11)', () => {
  it('is refused when added, and at ESR starter accept, adding no one', async () => {
    const core = await activeAdminCore();
    expect(
      await core.call('people:create', {
        name: 'Sam Patel',
        employmentType: 'temporary',
        finishingDate: testDate(-1),
      }),
    ).toMatchObject(refusedWith(/finishing date .* has already passed \(REG-11\)/));
    await must(core, 'esr:import', {
      fileName: 'esr.csv',
      content: `Change Type,Employee Number,Name,Job Title,Team,Line Manager Employee Number,Effective Date,Employment Type,Finishing Date\nStarter,E1000,Sam Patel,HCA,Ward 5,,${uk(testDate(-20))},Temporary,${uk(testDate(-2))}\n`,
    });
    const [starter] = await must<EsrChange[]>(core, 'esr:list', {});
    expect(await core.call('esr:accept', { id: starter!.id })).toMatchObject(
      refusedWith(/has already passed \(REG-11\)/),
    );
    expect(await must(core, 'people:search', { query: 'Sam Patel' })).toMatchObject({ total: 0 });
    await must(core, 'people:create', {
      name: 'Sam Patel',
      employmentType: 'temporary',
      finishingDate: testDate(),
    });
    core.close();
  });
});
