import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import type { Person } from '../../../shared/register';
import type { ReportTable } from '../../../shared/reports';
import type { Core } from '../../../electron/core';
import { giveAccount } from '../../support/register-fixtures';
import { activeAdminCore, ADMIN, must, TestClock, tempDir } from '../../support/temp-core';

type Exported = ChannelOutput<'reports:export'>;

async function trust(clock = new TestClock()) {
  const core = await activeAdminCore(tempDir(), clock);
  await must(core, 'settings:update', { trustName: 'East London NHS Foundation Trust' });
  const manager = await must<Person>(core, 'people:create', {
    name: 'Ngozi Okafor',
    employmentType: 'permanent',
  });
  const person = (name: string, extra: Record<string, unknown> = {}) =>
    must<Person>(core, 'people:create', {
      name,
      employmentType: 'permanent',
      lineManagerId: manager.id,
      team: 'Podiatry',
      ...extra,
    });
  const lastActive = (accountId: string, at: string) =>
    core.session
      .store!.db.prepare('UPDATE accounts SET last_activity_at = ? WHERE id = ?')
      .run(at, accountId);
  return { core, manager, person, lastActive };
}

const run = (core: Core, name: string, month = '2026-11') =>
  must<ReportTable>(core, 'reports:run', { name, month });
describe('inactive users report (REP-1, SUS-2)', () => {
  it('lists live accounts idle for longer than their system’s period on the month’s last day, by system and line manager', async () => {
    const { core, person, lastActive } = await trust(new TestClock(new Date('2026-12-10T09:00:00Z')));
    const sam = await person('Sam Patel');
    const ama = await person('Ama Mensah');
    lastActive(giveAccount(core, sam.id, 'rio', 'Clinician'), '2026-08-31T10:00:00Z'); // 91 days on 30 Nov
    lastActive(giveAccount(core, ama.id, 'rio', 'Clinician'), '2026-09-01T10:00:00Z'); // 90 days: not yet
    lastActive(giveAccount(core, ama.id, 'emis', 'Clinician'), '2026-01-01T10:00:00Z');
    lastActive(giveAccount(core, sam.id, 'emis', 'Clinician', 'suspended'), '2026-01-01T10:00:00Z');

    const report = await run(core, 'inactive-users');
    expect(report.period).toBe('November 2026 (inactive on 2026-11-30)');
    expect(report.rows.map((r) => [r[0], r[1], r[2], r[7], r[8]])).toEqual([
      ['EMIS', 'Ngozi Okafor', 'Ama Mensah', '2026-01-01', 333],
      ['RiO', 'Ngozi Okafor', 'Sam Patel', '2026-08-31', 91],
    ]);
    core.close();
  });
});

describe('suspensions in force (REP-2, SUS-1)', () => {
  it('counts a suspension lifted after the month’s end as in force in that month, and not in the next', async () => {
    const clock = new TestClock(new Date('2026-11-10T09:00:00Z'));
    const { core, person } = await trust(clock);
    const sam = await person('Sam Patel');
    const account = giveAccount(core, sam.id, 'rio', 'Clinician');
    const suspension = await must<{ id: string }>(core, 'suspensions:suspend', {
      accountId: account,
      reason: 'long-term-absence',
      instructedBy: 'Ngozi Okafor',
      instructedRole: 'line-manager',
      reviewOn: '2026-12-01',
    });
    clock.advance(30 * 86_400_000); // 10 December: the idle lock has long since signed Ada out
    await must(core, 'session:signIn', ADMIN);
    await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    await must(core, 'suspensions:lift', { suspensionId: suspension.id, reason: 'Back at work' });
    const november = await run(core, 'suspensions', '2026-11');
    expect(november.rows).toEqual([
      ['Sam Patel', 'RiO', 'Long-term absence', 'Ngozi Okafor', 'No', '2026-11-10', '2026-12-01'],
    ]);
    expect((await run(core, 'suspensions', '2026-12')).rows).toEqual([]);
    core.close();
  });
});

describe('requests against the SLA (REP-2, REG-7)', () => {
  it('gives the share met against the target and the interim standard by month of completion, as a chart too', async () => {
    const { core, person } = await trust(new TestClock(new Date('2026-12-02T09:00:00Z')));
    const sam = await person('Sam Patel');
    const db = core.session.store!.db;
    const operator = core.session.operator!.id;
    const request = (received: string, completed: string | null, target: string, interim: string) =>
      db
        .prepare(
          `INSERT INTO requests (id, reference, type, person_id, system_id, account_kind, purpose, purpose_kind, state,
             received_at, sla_started_on, sla_target_due, sla_interim_due, completed_at, created_by)
           VALUES (?, 'SD-1', 'new-user', ?, 'rio', 'normal', 'Care', 'direct-care', ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          randomUUID(),
          sam.id,
          completed ? 'completed' : 'ready',
          received,
          received.slice(0, 10),
          target,
          interim,
          completed,
          operator,
        );
    request('2026-11-02T09:00:00Z', '2026-11-03T10:00:00Z', '2026-11-03', '2026-11-05'); // met both
    request('2026-11-02T09:00:00Z', '2026-11-05T10:00:00Z', '2026-11-03', '2026-11-05'); // interim only
    request('2026-11-02T09:00:00Z', '2026-11-20T10:00:00Z', '2026-11-03', '2026-11-05'); // missed both
    request('2026-11-20T09:00:00Z', null, '2026-11-23', '2026-11-25'); // open past target at month end
    request('2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', '2026-10-02', '2026-10-06');

    const report = await run(core, 'sla', '2026-11');
    expect(report.rows).toHaveLength(12);
    expect(report.rows.at(-1)).toEqual(['November 2026', 3, 1, 33.3, 2, 66.7, 1]);
    expect(report.rows.at(-2)).toEqual(['October 2026', 1, 1, 100, 1, 100, 0]);
    expect(report.rows[0]).toEqual(['December 2025', 0, 0, null, 0, null, 0]);
    expect(report.chart?.series.map((s) => s.values.slice(-2))).toEqual([
      [100, 33.3],
      [100, 66.7],
    ]);
    core.close();
  });
});

describe('leavers processed (REP-2, DIS-3) and licences (REG-10)', () => {
  it('shows each leaver of the month with what is still live, and each allocation with its use', async () => {
    const { core, person } = await trust();
    const sam = await person('Sam Patel', { organisation: 'ELFT', smartcardUuid: '123456789012' });
    giveAccount(core, sam.id, 'rio', 'Clinician');
    await must(core, 'people:deregisterLeaver', {
      personId: sam.id,
      leftOn: '2026-11-20',
      source: 'line-manager',
      instructedBy: 'Ngozi Okafor',
    });
    // A leaver who never held a smartcard has nothing to suspend: "No smartcard", not "Not raised" (DIS-4).
    const kofi = await person('Kofi Boateng', { organisation: 'ELFT' });
    await must(core, 'people:deregisterLeaver', {
      personId: kofi.id,
      leftOn: '2026-11-21',
      source: 'line-manager',
      instructedBy: 'Ngozi Okafor',
    });
    const leavers = await run(core, 'leavers');
    expect(leavers.rows).toEqual([
      ['Sam Patel', null, 'Podiatry', 'Ngozi Okafor', '2026-11-20', 1, 0, 'Task open'],
      ['Kofi Boateng', null, 'Podiatry', 'Ngozi Okafor', '2026-11-21', 0, 0, 'No smartcard'],
    ]);
    expect(leavers.notes).toContain('None of them has an account still live.');

    const ama = await person('Ama Mensah', { organisation: 'ELFT' });
    giveAccount(core, ama.id, 'connecting-care', 'Clinical user');
    const system = await must<{ licenceAllocations: unknown[] }>(core, 'catalogue:get', {
      id: 'connecting-care',
    });
    await must(core, 'catalogue:update', {
      id: 'connecting-care',
      changes: {
        licenceAllocations: [
          ...system.licenceAllocations,
          { organisation: 'ELFT', year: 2026, allocation: 1 },
        ],
      },
    });
    expect((await run(core, 'licences')).rows).toEqual([
      ['Connecting Care', 'ELFT', 1, 1, 100, 'Approaching the maximum'],
    ]);
    core.close();
  });
});

describe('exports', () => {
  it('writes CSV with a byte-order mark, CRLF and every formula-looking cell neutralised, and audits the export', async () => {
    const { core, person, lastActive } = await trust();
    const attacker = await person("=cmd|' /C calc'!A0", { team: '+SUM(A1:A9), "Ward 5"' });
    lastActive(giveAccount(core, attacker.id, 'rio', 'Clinician'), '2026-01-05T09:00:00Z');
    const exported = await must<Exported>(core, 'reports:export', {
      name: 'accounts',
      month: '2026-11',
      format: 'csv',
    });
    const csv = Buffer.from(exported.base64, 'base64').toString('utf8');
    expect(exported.fileName).toBe('gatehouse-accounts-2026-11.csv');
    expect(csv.startsWith('\uFEFFSystem,Team,Line manager,Active,Suspended,Pending set-up\r\n')).toBe(true);
    expect(csv).toContain('RiO,"\'+SUM(A1:A9), ""Ward 5""",Ngozi Okafor,1,0,0\r\n');
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);

    const inactive = await must<Exported>(core, 'reports:export', {
      name: 'inactive-users',
      month: '2026-11',
      format: 'csv',
    });
    expect(Buffer.from(inactive.base64, 'base64').toString('utf8')).toContain(`,'=cmd|' /C calc'!A0,`);

    const events = await must<{ events: { action: string; subjectLabel: string; after: unknown }[] }>(
      core,
      'audit:list',
      {},
    );
    expect(
      events.events.filter((e) => e.action === 'report.exported').map((e) => [e.subjectLabel, e.after]),
    ).toEqual([
      [
        'Inactive users per system, by line manager (REP-1), November 2026 (inactive on 2026-11-23)',
        { format: 'csv', fileName: 'gatehouse-inactive-users-2026-11.csv', rows: 1 },
      ],
      [
        'Accounts per system, team and line manager (REP-2), As at 2026-11-23 (the register as it stands)',
        { format: 'csv', fileName: 'gatehouse-accounts-2026-11.csv', rows: 1 },
      ],
    ]);
    core.close();
  });

  it('writes an A4 PDF with the title, Trust, period, who generated it, page numbers and every row', async () => {
    const { core, person, lastActive } = await trust();
    for (let i = 0; i < 60; i += 1) {
      const p = await person(i === 0 ? 'Siobhán Łukasiewicz' : `Person ${String(i).padStart(2, '0')}`);
      lastActive(giveAccount(core, p.id, 'rio', 'Clinician'), '2026-01-05T09:00:00Z');
    }
    const exported = await must<Exported>(core, 'reports:export', {
      name: 'inactive-users',
      month: '2026-11',
      format: 'pdf',
    });
    const file = join(tempDir(), exported.fileName);
    writeFileSync(file, Buffer.from(exported.base64, 'base64'));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841.89 x 595.28 pts \(A4\)/);
    expect(info).toMatch(/Pages:\s+2/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Inactive users per system, by line manager (REP-1)');
    expect(text).toContain('East London NHS Foundation Trust · November 2026 (inactive on 2026-11-23)');
    expect(text).toContain('Generated by Ada Administrator on 2026-11-23 at 09:00 UTC');
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    expect(text).toContain('Siobhán Lukasiewicz');
    expect(text).toContain('Person 59');
    core.close();
  });

  it('refuses reports to an operator whose role does not include them', async () => {
    const { core } = await trust();
    await must(core, 'operators:add', {
      name: 'Rita Officer',
      role: 'ra-officer',
      passphrase: 'copper kettle meadow 77',
    });
    await must(core, 'session:signOut', {});
    await must(core, 'session:signIn', { name: 'Rita Officer', passphrase: 'copper kettle meadow 77' });
    await must(core, 'session:acknowledgeAcceptableUse', { version: '2025-03' });
    // Issue 12 §4: what they tried and who can do it, never a permission's internal name.
    expect(await core.call('reports:run', { name: 'accounts', month: '2026-11' })).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message:
          'Your role (Registration Authority officer) cannot run reports. Only an Administrator or an Auditor can: ask one to do it for you.',
      },
    });
    expect(await core.call('reports:run', { name: 'everything', month: '2026-11' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    core.close();
  });

  it('refuses a month that has not started yet, saying so', async () => {
    const { core } = await trust();
    expect(await core.call('reports:run', { name: 'accounts', month: '2026-12' })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'December 2026 has not started yet; choose this month or an earlier one.',
      },
    });
    core.close();
  });
});
