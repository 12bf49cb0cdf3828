import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../shared/contract/downtime';
import type { Person } from '../../../shared/register';
import type { Task } from '../../../shared/requests';
import { TestClock, activeAdminCore, must, tempDir } from '../../support/temp-core';

describe('emergency downtime (DT-1, DT-2)', () => {
  it('keeps tasks for a system that is down in a reconciliation list, and lets them be keyed in once it is back', async () => {
    const clock = new TestClock(new Date('2026-11-23T09:00:00Z'));
    const core = await activeAdminCore(tempDir(), clock);
    await must(core, 'settings:update', { idleLockMinutes: 120 });
    const announced: unknown[] = [];
    core.events.on('downtime:changed', (down) => announced.push(down));
    await must(core, 'downtime:markDown', {
      systemId: 'esr',
      severity: 'critical',
      note: 'ESR not responding; supplier call logged',
    });
    expect(await must(core, 'downtime:current')).toEqual([
      {
        systemId: 'esr',
        systemName: 'Electronic Staff Record (ESR)',
        severity: 'critical',
        since: '2026-11-23T09:00:00.000Z',
      },
    ]);
    expect(announced).toHaveLength(1);

    const sam = await must<Person>(core, 'people:create', { name: 'Sam Patel', employmentType: 'permanent' });
    await must(core, 'requests:create', {
      type: 'new-user',
      reference: 'SD-3001',
      personId: sam.id,
      systemId: 'esr',
      role: 'Employee Self Service',
      purpose: 'Payslips',
      purposeKind: 'administration',
      authorisation: { by: 'Ngozi Okafor', on: '2026-11-23', how: 'email' },
    });
    const [group] = await must<{ systemName: string; down: boolean; tasks: Task[] }[]>(
      core,
      'downtime:reconciliation',
    );
    expect(group).toMatchObject({
      systemName: 'Electronic Staff Record (ESR)',
      down: true,
      tasks: [
        {
          description:
            'Create an Electronic Staff Record (ESR) account (Employee Self Service) for Sam Patel',
        },
      ],
    });
    const setUp = {
      username: 'spatel',
      trainingArranged: true,
      loginDetailsIssued: true,
      firstLoginChangeSet: true,
    };
    expect(await core.call('tasks:complete', { id: group!.tasks[0]!.id, setUp })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/is down.*\(DT-1\)/) },
    });

    clock.advance(95 * 60_000);
    const ended = await must<Incident>(core, 'downtime:markUp', { systemId: 'esr' });
    expect(ended).toMatchObject({ minutes: 95, severity: 'critical' });
    const [back] = await must<{ down: boolean; tasks: Task[] }[]>(core, 'downtime:reconciliation');
    expect(back).toMatchObject({ down: false });
    await must(core, 'tasks:complete', { id: back!.tasks[0]!.id, setUp });
    expect(await must(core, 'downtime:reconciliation')).toEqual([]);
    expect((await must<Incident[]>(core, 'downtime:log'))[0]).toMatchObject({
      systemName: 'Electronic Staff Record (ESR)',
      minutes: 95,
    });
    core.close();
  });

  it('refuses to mark a system down twice, or up when it is not down', async () => {
    const core = await activeAdminCore();
    await must(core, 'downtime:markDown', { systemId: 'rio', severity: 'high', note: 'Login failures' });
    expect(
      await core.call('downtime:markDown', { systemId: 'rio', severity: 'high', note: 'Again' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.call('downtime:markUp', { systemId: 'emis' })).toMatchObject({
      ok: false,
      error: { message: 'EMIS is not marked down, so there is nothing to bring back up.' },
    });
    core.close();
  });
});
