/**
 * Issue 9 §5: a system's sign-in export as its reporting tool saves it (SUS-2): a title and run date
 * above the header, a total and a protective marking below, empty columns, ESR-style and date-time
 * cells. Bad variants are refused whole and change nothing (issue 10 §5: control characters).
 */
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import type { Person } from '../../../shared/register';
import { giveAccount } from '../../support/register-fixtures';
import { registerSnapshot, reportFile } from '../../support/report-files';
import { activeAdminCore, must } from '../../support/temp-core';

async function trust() {
  const core = await activeAdminCore();
  const sam = await must<Person>(core, 'people:create', { name: 'Sam Patel', employmentType: 'permanent' });
  giveAccount(core, sam.id, 'rio', 'Clinician'); // username user-rio, last activity 2026-11-01
  return core;
}

const FILE = 'RiO_User_Activity.csv';

describe('sign-in exports as reporting tools save them (issue 9 §5, SUS-2)', () => {
  it('reads the report: title, total and marking skipped and said so, 20-NOV-2026 14:05:33 read as a date', async () => {
    const core = await trust();
    const result = await must<ChannelOutput<'activity:import'>>(core, 'activity:import', {
      systemId: 'rio',
      fileName: FILE,
      content: reportFile('rio-activity-report.csv'),
    });
    expect(result).toEqual({
      updated: 1,
      unchanged: 0,
      orphans: [
        { username: 'ghost.user', lastSignIn: '2026-09-01' },
        { username: 'never.in', lastSignIn: null },
      ],
      mapping: { username: 'User ID', date: 'Last Access' },
      notes: [
        'Skipped the report title on lines 1-3, the summary on lines 9-10 ("Total: 3 records") and 2 empty columns after the last heading.',
      ],
    });
    const db = core.session.store!.db;
    expect(
      db.prepare("SELECT last_activity_at AS at FROM accounts WHERE username = 'user-rio'").get(),
    ).toEqual({
      at: '2026-11-20T00:00:00.000Z',
    });
    core.close();
  });

  const variants: [string, (file: string) => string, RegExp][] = [
    [
      'a line break in a username',
      (f) => f.replace('ghost.user,', '"ghost\nuser",'),
      /Line 6: the username contains a line break/,
    ],
    [
      'a backspace in a username',
      (f) => f.replace('ghost.user,', 'ghost\buser,'),
      /Line 6: the username contains a control character \(U\+0008\)/,
    ],
    [
      'an impossible date',
      (f) => f.replace('20-NOV-2026', '31-SEP-2026'),
      /Line 5: "31-SEP-2026 14:05:33" is not a date/,
    ],
    [
      'a total with more accounts after it',
      (f) => f.replace('OFFICIAL-SENSITIVE,,,,,', 'late.user,,20/11/2026,Active,,'),
      /has a summary line on line 9 \("Total: 3 records"\) with more lines after it/,
    ],
  ];
  for (const [name, change, problem] of variants)
    it(`refuses the whole export with ${name} and changes nothing`, async () => {
      const core = await trust();
      const before = registerSnapshot(core);
      const result = await core.call('activity:import', {
        systemId: 'rio',
        fileName: FILE,
        content: change(reportFile('rio-activity-report.csv')),
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(problem);
      expect(registerSnapshot(core)).toEqual(before);
      core.close();
    });
});
