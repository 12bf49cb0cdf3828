/**
 * Issue 9 §5 and issue 10 §5: the ESR change feed as ESR Business Intelligence saves it (seed 003): a
 * title and run date above the header, a total below, assignment numbers (one row per assignment),
 * "Surname, Title First" names and 01-DEC-2026 dates. A line with a control character in any field
 * (a starter named "Esr\r\nBcc: …") is refused at import, and the whole file with it.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import type { EsrChange } from '../../../shared/contract/esr';
import type { Person } from '../../../shared/register';
import { registerSnapshot, reportFile } from '../../support/report-files';
import { activeAdminCore, must } from '../../support/temp-core';

async function trust() {
  const core = await activeAdminCore();
  for (const [name, employeeNumber] of [
    ['Ngozi Okafor', 'E0001'],
    ['Kofi Boateng', 'E2000'],
    ['Ama Mensah', 'E3000'],
  ] as const)
    await must<Person>(core, 'people:create', { name, employeeNumber, employmentType: 'permanent' });
  return core;
}

const FILE = 'SML_Weekly_Extract.csv';

describe('the ESR change feed as ESR saves it (issue 9 §5, seed 003)', () => {
  it('reads the extract: title and total skipped and said so, one change per employee, employee numbers from assignments', async () => {
    const core = await trust();
    const imported = await must<ChannelOutput<'esr:import'>>(core, 'esr:import', {
      fileName: FILE,
      content: reportFile('esr-bi-changes.csv'),
    });
    expect(imported).toEqual({
      added: 3,
      alreadyImported: 0,
      notes: [
        'Skipped the report title on lines 1-3, the summary on line 10 ("Total: 4") and 2 empty columns after the last heading.',
        'Line 8 is another assignment of employee E3000 (line 7), read once.',
      ],
    });
    const proposals = await must<EsrChange[]>(core, 'esr:list', {});
    expect(proposals.map((c) => [c.line, c.kind, c.employeeNumber, c.effectiveOn, c.requested.name])).toEqual(
      [
        [7, 'leaver', 'E3000', '2026-11-20', 'Ama Mensah'],
        [6, 'mover', 'E2000', '2026-12-01', null],
        [5, 'starter', '20481101', '2026-12-01', 'Sam Patel'],
      ],
    );
    expect(proposals[1]!.requested.lineManager).toBe('Ngozi Okafor');
    const starter = proposals[2]!;
    const accepted = await must<ChannelOutput<'esr:accept'>>(core, 'esr:accept', { id: starter.id });
    expect(accepted.summary).toMatch(/^Sam Patel is added to the register; request ESR-20481101 /);
    const stored = core.session
      .store!.db.prepare("SELECT name, employee_number FROM people WHERE name LIKE '%Patel%'")
      .all();
    expect(stored).toEqual([{ name: 'Sam Patel', employee_number: '20481101' }]);
    core.close();
  });

  const variants: [string, (file: string) => string, RegExp][] = [
    [
      'a starter whose name carries an email header',
      (f) => f.replace('"Patel, Mrs. Sam"', '"Esr\r\nBcc: x@evil.example"'),
      /Line 5: the name contains a line break, which Gatehouse does not import/,
    ],
    [
      'a control character in a position',
      (f) => f.replace('Ward Manager', 'Ward\u001bManager'),
      /Line 6: the position contains a control character \(U\+001B\)/,
    ],
    [
      'an impossible ESR date',
      (f) => f.replace('01-Dec-2026 00:00', '31-Jun-2026 00:00'),
      /Line 6: effective date "31-Jun-2026 00:00" is not a date \(use 30\/11\/2026, 30-NOV-2026 or 2026-11-30\)/,
    ],
    [
      'a date-time that is not a time',
      (f) => f.replace('01-Dec-2026 00:00', '01-Dec-2026 25:00'),
      /Line 6: effective date "01-Dec-2026 25:00" is not a date/,
    ],
    [
      'an assignment number that is not that employee’s',
      (f) => f.replace('20481101,20481101-1', '20481101,20481102-1'),
      /Line 5: assignment number 20481102-1 is not one of employee 20481101's assignments/,
    ],
    [
      'an assignment number not as ESR writes it',
      (f) => f.replace(',E2000-1,', ',E2000/1,'),
      /Line 6: assignment number "E2000\/1" is not as ESR writes it/,
    ],
  ];
  for (const [name, change, problem] of variants)
    it(`refuses the whole extract with ${name}, naming the line and field, and records nothing`, async () => {
      const core = await trust();
      const before = registerSnapshot(core);
      const result = await core.call('esr:import', {
        fileName: FILE,
        content: change(reportFile('esr-bi-changes.csv')),
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/Nothing was imported/);
      if (!result.ok) expect(result.error.message).toMatch(problem);
      expect(registerSnapshot(core)).toEqual(before);
      core.close();
    });
});
