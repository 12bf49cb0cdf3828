/**
 * Issue 9 §5: a staff list as ESR Business Intelligence saves it, through the people import (the
 * CLI's gatehouse people import): a title above the header and a total below, assignment numbers,
 * "Surname, Title First" names and 31-MAR-2027 00:00 dates. Bad variants are refused whole.
 */
import { describe, expect, it } from 'vitest';
import { registerSnapshot, reportFile } from '../../support/report-files';
import { activeAdminCore, must } from '../../support/temp-core';

describe('a staff list as ESR saves it, through the people import (issue 9 §5)', () => {
  it('adds each person once, without the title, with the employee number from the assignment number', async () => {
    const core = await activeAdminCore();
    expect(
      await must(core, 'people:import', {
        fileName: 'Staff_List.csv',
        content: reportFile('esr-bi-staff-list.csv'),
      }),
    ).toEqual({
      imported: 3,
      notes: [
        'Skipped the report title on lines 1-4, the summary on lines 10-11 ("Total: 3") and 2 empty columns after the last heading.',
      ],
    });
    const people = core.session
      .store!.db.prepare(
        `SELECT p.name, p.employee_number, p.job_role, p.team, p.employment_type, p.finishing_date, p.email, m.name AS manager
         FROM people p LEFT JOIN people m ON m.id = p.line_manager_id ORDER BY p.name`,
      )
      .all();
    expect(people).toEqual([
      {
        name: "Alex O'Neill",
        employee_number: 'E1003',
        job_role: 'Staff Nurse',
        team: 'Podiatry',
        employment_type: 'permanent',
        finishing_date: null,
        email: null,
        manager: 'Ngozi Okafor',
      },
      {
        name: 'Ngozi Okafor',
        employee_number: 'E0001',
        job_role: 'Consultant Psychiatrist',
        team: 'Newham Crisis Team',
        employment_type: 'permanent',
        finishing_date: null,
        email: 'ngozi.okafor@nhs.net',
        manager: null,
      },
      {
        name: 'Sam Patel',
        employee_number: '20481101',
        job_role: 'Healthcare Assistant',
        team: 'Ward 5',
        employment_type: 'fixed-term',
        finishing_date: '2027-03-31',
        email: null,
        manager: 'Ngozi Okafor',
      },
    ]);
    core.close();
  });

  const variants: [string, (file: string) => string, RegExp][] = [
    [
      'a line break in a name',
      (f) => f.replace('"Patel, Mrs. Sam"', '"Esr\r\nBcc: x@evil.example"'),
      /Line 7: the name contains a line break/,
    ],
    [
      'a control character in an email address',
      (f) => f.replace('ngozi.okafor@nhs.net', 'ngozi.okafor@nhs.net\u0085'),
      /Line 6: the email contains a control character \(U\+0085\)/,
    ],
    [
      'an impossible contract end date',
      (f) => f.replace('31-MAR-2027 00:00', '31-APR-2027 00:00'),
      /Line 7: finishing date "31-APR-2027 00:00" is not a date/,
    ],
    [
      'an assignment number of another employee',
      (f) => f.replace('E1003,E1003-2', 'E1003,E0001-2'),
      /Line 8: assignment number E0001-2 is not one of employee E1003's assignments/,
    ],
    [
      'two people for one employee number, by way of an assignment',
      (f) => f.replace(',20481101-1,', ',E1003-1,'),
      /Line 8: employee number E1003 is also on line 7/,
    ],
  ];
  for (const [name, change, problem] of variants)
    it(`refuses the whole list with ${name} and adds no one`, async () => {
      const core = await activeAdminCore();
      const before = registerSnapshot(core);
      const result = await core.call('people:import', {
        fileName: 'Staff_List.csv',
        content: change(reportFile('esr-bi-staff-list.csv')),
      });
      expect(result.ok ? 'imported' : result.error.message).toMatch(problem);
      expect(registerSnapshot(core)).toEqual(before);
      core.close();
    });
});
