import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/register';
import type { Task } from '../../../shared/requests';
import { ServiceContext } from '../../../electron/service-context';
import { runInactivity } from '../../../electron/services/inactivity';
import { noticeEmail } from '../../../electron/services/inactivity-email';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, must } from '../../support/temp-core';

async function trust() {
  const core = await activeAdminCore();
  const manager = await must<Person>(core, 'people:create', {
    name: 'Ngozi Okafor',
    employmentType: 'permanent',
    email: 'ngozi.okafor@nhs.net',
  });
  const sam = await must<Person>(core, 'people:create', {
    name: 'Sam Patel',
    employmentType: 'permanent',
    lineManagerId: manager.id,
  });
  const rio = giveAccount(core, sam.id, 'rio', 'Clinician');
  const set = (id: string, date: string) =>
    core.session.store!.db.prepare('UPDATE accounts SET last_activity_at = ? WHERE id = ?').run(date, id);
  return { core, ctx: new ServiceContext(core.deps), sam, rio, set };
}

describe('inactivity sweep (SUS-2)', () => {
  it('notifies the line manager 7 days before the period ends, once, and proposes the suspension no sooner than 7 days later', async () => {
    const { core, ctx, rio, set } = await trust();
    set(rio, '2026-08-01T10:00:00.000Z'); // RiO's period is 90 days: notice due 2026-10-23
    expect(runInactivity(ctx, '2026-10-22').notices).toEqual([]);
    const first = runInactivity(ctx, '2026-10-23');
    expect(first.notices).toEqual([
      {
        managerName: 'Ngozi Okafor',
        managerEmail: 'ngozi.okafor@nhs.net',
        staff: [
          {
            personName: 'Sam Patel',
            systemName: 'RiO',
            role: 'Clinician',
            username: 'user-rio',
            lastActivity: '2026-08-01',
            deactivateOn: '2026-10-30',
          },
        ],
      },
    ]);
    expect(runInactivity(ctx, '2026-10-24').notices).toEqual([]); // told once
    expect(runInactivity(ctx, '2026-10-29').proposed).toBe(0);
    expect(runInactivity(ctx, '2026-10-30').proposed).toBe(1);
    const tasks = await must<Task[]>(core, 'tasks:list', { state: 'open' });
    expect(tasks.map((t) => t.description)).toEqual([
      'Suspend Sam Patel’s RiO account for inactivity (no sign-in since 2026-08-01; line manager told 2026-10-23)',
    ]);
    core.close();
  });

  it('clears a notice when the person signs in again', async () => {
    const { core, ctx, rio, set } = await trust();
    set(rio, '2026-08-01T10:00:00.000Z');
    runInactivity(ctx, '2026-10-23');
    set(rio, '2026-10-25T08:00:00.000Z');
    expect(runInactivity(ctx, '2026-10-30')).toMatchObject({ cleared: 1, proposed: 0 });
    core.close();
  });

  it('writes the notice as an email draft a person can send', async () => {
    const { core, ctx, rio, set } = await trust();
    set(rio, '2026-08-01T10:00:00.000Z');
    const [notice] = runInactivity(ctx, '2026-10-23').notices;
    const eml = await noticeEmail(
      notice!,
      '2026-10-23',
      'Gatehouse <no-reply@gatehouse.invalid>',
      new Date('2026-10-23T09:00:00Z'),
      0,
    );
    expect(eml).toMatch(
      /\r\nFrom: Gatehouse <no-reply@gatehouse.invalid>\r\nTo: Ngozi Okafor <ngozi.okafor@nhs.net>\r\n/,
    );
    expect(eml).toMatch(/\r\nSubject: Inactive system accounts/);
    expect(eml).toContain('Content-Type: text/plain; charset=utf-8');
    // The body is quoted-printable, as mail clients expect: decode it to read it.
    const body = Buffer.from(
      eml!
        .slice(eml!.indexOf('\r\n\r\n') + 4)
        .replace(/=\r\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
    expect(body).toContain('Under the Trust’s');
    expect(body).toContain(
      '- Sam Patel: RiO (Clinician, user-rio), last sign-in 2026-08-01, to be deactivated on 2026-10-30',
    );
    core.close();
  });
  it('tells each line manager once, managers in name order and none recorded last, their staff by name then system, and stores each notice', async () => {
    const { core, ctx, sam, rio } = await trust(); // Sam Patel, managed by Ngozi Okafor
    const db = core.session.store!.db;
    const person = (name: string, lineManagerId?: string) =>
      must<Person>(core, 'people:create', { name, employmentType: 'permanent', lineManagerId });
    const ben = await person('Ben Carter');
    const amy = await person('Amy Brown', ben.id);
    const tom = await person('Tom Hill', ben.id);
    const pat = await person('Pat Lee');
    const gone = await person('Gail Rowe', ben.id);
    db.prepare(`UPDATE people SET status = 'leaver' WHERE id = ?`).run(gone.id);
    const inactive = [
      rio,
      giveAccount(core, sam.id, 'emis', 'GP'),
      giveAccount(core, tom.id, 'rio', 'Clinician'),
      giveAccount(core, amy.id, 'rio', 'Clinician'),
      giveAccount(core, amy.id, 'emis', 'GP'),
      giveAccount(core, pat.id, 'rio', 'Clinician'),
      giveAccount(core, gone.id, 'rio', 'Clinician'),
      giveAccount(core, tom.id, 'emis', 'GP', 'suspended'),
    ];
    const lastSeen = db.prepare('UPDATE accounts SET last_activity_at = ? WHERE id = ?');
    for (const id of inactive) lastSeen.run('2026-08-01T10:00:00.000Z', id);
    giveAccount(core, pat.id, 'emis', 'GP'); // seen on 2026-11-01: not inactive
    const staff = (name: string, system: string) =>
      expect.objectContaining({ personName: name, systemName: system });

    const run = runInactivity(ctx, '2026-10-23');
    expect(run.notices.map((n) => [n.managerName, n.staff])).toEqual([
      ['Ben Carter', [staff('Amy Brown', 'EMIS'), staff('Amy Brown', 'RiO'), staff('Tom Hill', 'RiO')]],
      ['Ngozi Okafor', [staff('Sam Patel', 'EMIS'), staff('Sam Patel', 'RiO')]],
      ['No line manager recorded', [staff('Pat Lee', 'RiO')]],
    ]);
    const stored = db
      .prepare(
        `SELECT p.name, n.manager_id, n.last_activity, n.noticed_on, n.deactivate_on, n.state
         FROM inactivity_notices n JOIN people p ON p.id = n.person_id ORDER BY n.account_id`,
      )
      .all() as { name: string; manager_id: string | null }[];
    expect(stored).toHaveLength(6);
    expect(stored.find((n) => n.name === 'Pat Lee')).toEqual({
      name: 'Pat Lee',
      manager_id: null,
      last_activity: '2026-08-01',
      noticed_on: '2026-10-23',
      deactivate_on: '2026-10-30',
      state: 'notified',
    });
    expect(
      stored
        .filter((n) => n.manager_id === ben.id)
        .map((n) => n.name)
        .sort(),
    ).toEqual(['Amy Brown', 'Amy Brown', 'Tom Hill']);
    expect(runInactivity(ctx, '2026-10-24').notices).toEqual([]); // each told once
    core.close();
  });
});
