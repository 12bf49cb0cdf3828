/**
 * Issue 9 §5: the HR leavers report as ESR Business Intelligence and Excel save it (DIS-3): a title
 * above the header, a total below, empty columns, assignment numbers, "Surname, Title First" names,
 * 30-NOV-2026 and Excel date-time cells. Read through the router, as every host does; a bad variant
 * is refused whole and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../shared/contract';
import type { Person } from '../../../shared/register';
import { giveAccount } from '../../support/register-fixtures';
import { registerSnapshot, reportFile } from '../../support/report-files';
import { activeAdminCore, must } from '../../support/temp-core';

type Preview = ChannelOutput<'leavers:preview'>;

async function trust() {
  const core = await activeAdminCore();
  const add = (name: string, team: string, employeeNumber?: string) =>
    must<Person>(core, 'people:create', {
      name,
      team,
      employmentType: 'permanent',
      ...(employeeNumber ? { employeeNumber } : {}),
    });
  const people = {
    siobhan: await add('Siobhán O’Neill', 'Newham Crisis Team', '1001'),
    john: await add('John Smith', 'Podiatry'),
    johnB: await add('John Smith', 'District Nursing North'),
    kemi: await add('Kemi Adeyemi', 'Payroll', '1004'),
    // Employee 1004's assignment number must never be taken for this person's employee number.
    other: await add('Kemi Adeyemi', 'Podiatry', '1004-1'),
  };
  giveAccount(core, people.siobhan.id, 'emis', 'Clinician');
  giveAccount(core, people.kemi.id, 'esr', 'Employee Self Service');
  return { core, people };
}

describe('leavers reports as ESR and Excel save them (issue 9 §5, DIS-3)', () => {
  it('reads an ESR Business Intelligence report: title, total, assignment numbers, titled names, 13-NOV-2026', async () => {
    const { core, people } = await trust();
    const preview = await must<Preview>(core, 'leavers:preview', {
      fileName: 'Leavers_Report.csv',
      content: reportFile('esr-bi-leavers.csv'),
    });
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.name, r.leftOn, r.employeeNumber, r.status])).toEqual([
      [6, "O'Neill, Ms. Siobhan", '2026-11-13', '1001', 'matched'],
      [8, 'Adeyemi, Mrs Kemi', '2026-11-06', '1004', 'matched'],
      [9, 'Smith, Mr. John', '2026-11-20', null, 'matched'],
    ]);
    expect(preview.rows.map((r) => r.candidates.map((c) => c.personId))).toEqual([
      [people.siobhan.id],
      [people.kemi.id],
      [people.john.id],
    ]);
    expect(preview.notes).toEqual([
      'Skipped the report title on lines 1-4, the summary on lines 11-12 ("Total leavers: 4") and 2 empty columns after the last heading.',
      'Line 7 is another assignment of employee 1001 (line 6), read once.',
    ]);
    const applied = await must<ChannelOutput<'leavers:apply'>>(core, 'leavers:apply', {
      fileName: 'Leavers_Report.csv',
      content: reportFile('esr-bi-leavers.csv'),
      choices: [],
    });
    expect(applied.processed.map((p) => p.personName)).toEqual([
      'Siobhán O’Neill',
      'Kemi Adeyemi',
      'John Smith',
    ]);
    const { person: other } = await must<{ person: Person }>(core, 'people:get', { id: people.other.id });
    expect(other.status).toBe('active');
    core.close();
  });

  it('reads a report saved from Excel: title and blank row, date-time cells, a "Total" row, empty columns', async () => {
    const { core, people } = await trust();
    const preview = await must<Preview>(core, 'leavers:preview', {
      fileName: 'leavers.csv',
      content: reportFile('excel-leavers.csv'),
    });
    expect(preview.problems).toEqual([]);
    expect(preview.rows.map((r) => [r.line, r.leftOn, r.candidates[0]?.personId])).toEqual([
      [4, '2026-11-13', people.siobhan.id],
      [5, '2026-11-06', people.kemi.id],
    ]);
    expect(preview.notes).toEqual([
      'Skipped the report title on lines 1-2, the summary on line 7 ("Total 2") and 2 empty columns after the last heading.',
    ]);
    core.close();
  });

  const variants: [string, (file: string) => string, RegExp][] = [
    [
      'an impossible ESR date',
      (f) => f.replace('06-Nov-2026', '31-NOV-2026'),
      /Line 8: leaving date "31-NOV-2026" is not a date/,
    ],
    ['a two-digit year', (f) => f.replace('06-Nov-2026', '06-Nov-26'), /Line 8: leaving date "06-Nov-26"/],
    [
      'an assignment number of someone else',
      (f) => f.replace('1001,1001-1,', '1001,1004-1,'),
      /Line 6: assignment number 1004-1 is not one of employee 1001's assignments/,
    ],
    [
      'a line break in a name',
      (f) => f.replace('"Smith, Mr. John"', '"Smith\r\nBcc: x@evil.example"'),
      /Line 9: the name contains a line break/,
    ],
    [
      'a control character in a team',
      (f) => f.replace('Podiatry,Podiatrist', 'Podia\u0007try,Podiatrist'),
      /Line 9: the team contains a control character \(U\+0007\)/,
    ],
  ];
  for (const [name, change, problem] of variants)
    it(`refuses the whole report with ${name}, naming the line, and changes nothing`, async () => {
      const { core } = await trust();
      const content = change(reportFile('esr-bi-leavers.csv'));
      const preview = await must<Preview>(core, 'leavers:preview', { fileName: 'r.csv', content });
      expect(preview.problems.join('\n')).toMatch(problem);
      const before = registerSnapshot(core);
      const result = await core.call('leavers:apply', { fileName: 'r.csv', content, choices: [] });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(/was not applied; nothing was changed/);
      expect(registerSnapshot(core)).toEqual(before);
      core.close();
    });

  it('refuses a report whose header is not among its first rows, quoting only a few fields', async () => {
    const { core } = await trust();
    const content = `Leavers Report\n${'Unrelated,'.repeat(30)}x\nSmith,Podiatry\n`;
    const result = await core.call('leavers:preview', { fileName: 'r.csv', content });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toBe(
        'r.csv is not a leavers report: it needs a name and a leaving date column (its header is: Leavers Report). Nothing was imported.',
      );
    core.close();
  });
});
