import { describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../shared/contract/dashboard';
import type { Person } from '../../../shared/register';
import { giveAccount } from '../../support/register-fixtures';
import { TestClock, activeAdminCore, must, tempDir } from '../../support/temp-core';

describe('the dashboard work queue', () => {
  it('shows requests due today and breached, tasks, systems down, licences above 90% and temporary staff ending', async () => {
    const core = await activeAdminCore(tempDir(), new TestClock(new Date('2026-11-23T09:00:00Z')));
    const person = (name: string, extra: Record<string, unknown> = {}) =>
      must<Person>(core, 'people:create', {
        name,
        employmentType: 'permanent',
        organisation: 'The Trust',
        ...extra,
      });
    const request = (p: Person, reference: string, receivedAt: string) =>
      must(core, 'requests:create', {
        type: 'new-user',
        reference,
        personId: p.id,
        systemId: 'rio',
        role: 'Clinician',
        purpose: 'Caseload',
        purposeKind: 'direct-care',
        receivedAt,
        authorisation: { by: 'Ngozi Okafor', on: '2026-11-18', how: 'email' },
      });
    await request(await person('Due Today'), 'SD-1', '2026-11-20T10:00:00Z'); // Friday: due Monday 23rd
    await request(await person('Long Overdue'), 'SD-2', '2026-11-18T10:00:00Z'); // due Thursday 19th
    await request(await person('Plenty Of Time'), 'SD-3', '2026-11-23T08:00:00Z'); // due Tuesday 24th
    const temp = await person('Tina Temp', { employmentType: 'temporary', finishingDate: '2026-12-01' });
    giveAccount(core, temp.id, 'network', 'Standard user');
    // Added while still working (REG-11 refuses adding someone already finished); the date passed since.
    const gone = await person('Gone Already', { employmentType: 'agency', finishingDate: '2026-12-31' });
    await must(core, 'people:update', { id: gone.id, changes: { finishingDate: '2026-11-01' } });
    giveAccount(core, gone.id, 'rio', 'Clinician');
    await person('Long Contract', { employmentType: 'fixed-term', finishingDate: '2027-06-30' });
    await must(core, 'catalogue:update', {
      id: 'connecting-care',
      changes: { licenceAllocations: [{ organisation: 'The Trust', year: 2026, allocation: 2 }] },
    });
    giveAccount(core, temp.id, 'connecting-care', 'Clinical user');
    giveAccount(core, gone.id, 'connecting-care', 'Clinical user');
    await must(core, 'downtime:markDown', { systemId: 'esr', severity: 'high', note: 'Slow to respond' });

    const queue = await must<Dashboard>(core, 'dashboard:queue');
    // SD-2 is past its target and its interim standard falls today: it is due today as well as
    // breached, so the Due today count agrees with what the operator must do today (issue 12 §5).
    expect(queue.requestsDueToday.map((r) => r.reference)).toEqual(['SD-1', 'SD-2']);
    expect(queue.requestsBreached.map((r) => r.reference)).toEqual(['SD-2']);
    expect(queue.requestsOnTime).toBe(1);
    expect(queue.tasksWaiting).toBe(3);
    expect(queue.systemsDown.map((s) => s.systemName)).toEqual(['Electronic Staff Record (ESR)']);
    expect(queue.licencesNearlyUsed).toEqual([
      { systemName: 'Connecting Care', organisation: 'The Trust', year: 2026, used: 2, allocation: 2 },
    ]);
    expect(queue.temporaryStaffEnding.map((p) => [p.name, p.finishingDate, p.liveAccounts])).toEqual([
      ['Gone Already', '2026-11-01', 2],
      ['Tina Temp', '2026-12-01', 2],
    ]);
    // 2027-12-28 (the shipped table's last) reaches twelve months past 2026-11-23 (REG-7).
    expect(queue.bankHolidays).toEqual({ latest: '2027-12-28', neededUntil: '2027-11-23', covered: true });
    core.close();
  });

  it('warns when the bank holiday table does not reach twelve months ahead, until a newer table is imported (REG-7)', async () => {
    const core = await activeAdminCore(tempDir(), new TestClock(new Date('2027-01-04T09:00:00Z')));
    expect((await must<Dashboard>(core, 'dashboard:queue')).bankHolidays).toEqual({
      latest: '2027-12-28',
      neededUntil: '2028-01-04',
      covered: false,
    });
    const feed = JSON.stringify({
      'england-and-wales': {
        division: 'england-and-wales',
        events: [{ title: 'Christmas Day', date: '2028-12-25', notes: '', bunting: true }],
      },
    });
    await must(core, 'catalogue:importBankHolidays', { fileName: 'bank-holidays.json', content: feed });
    expect((await must<Dashboard>(core, 'dashboard:queue')).bankHolidays).toMatchObject({
      latest: '2028-12-25',
      covered: true,
    });
    core.close();
  });
});
