import { describe, expect, it } from 'vitest';
import { parseEsrChanges } from '../../shared/esr-changes';

describe('ESR change file', () => {
  it('reads starters, movers and leavers however the extract words its headers, types and dates', () => {
    const parsed = parseEsrChanges(
      '\uFEFFEvent Type,Assignment Number,Full Name,Position Title,Department,Supervisor Number,Effective Date,Assignment Category,Contract End Date\r\n' +
        'New Hire,E1001-1,"Patel, Sam",Staff Nurse,Podiatry,E0001,01/12/2026,Fixed Term Contract,31/05/2027\r\n' +
        'Assignment Change,E1002-1,,Ward Manager,Ward 5, ,2026-12-01,,\r\n' +
        'Termination,E1003-2,Ama Mensah,,,,30/11/2026,,\r\n',
      'esr.csv',
    );
    expect(parsed).toEqual({
      ok: true,
      notes: [],
      rows: [
        expect.objectContaining({
          line: 2,
          kind: 'starter',
          employeeNumber: 'E1001',
          name: 'Sam Patel',
          jobRole: 'Staff Nurse',
          team: 'Podiatry',
          lineManagerNumber: 'E0001',
          effectiveOn: '2026-12-01',
          employmentType: 'fixed-term',
          finishingDate: '2027-05-31',
        }),
        expect.objectContaining({
          line: 3,
          kind: 'mover',
          employeeNumber: 'E1002',
          name: null,
          jobRole: 'Ward Manager',
          team: 'Ward 5',
          lineManagerNumber: null,
        }),
        expect.objectContaining({
          line: 4,
          kind: 'leaver',
          employeeNumber: 'E1003',
          effectiveOn: '2026-11-30',
        }),
      ],
    });
  });

  it('refuses a file without the columns it needs, saying which, and its header', () => {
    expect(parseEsrChanges('Name,Team\r\nSam,Podiatry\r\n', 'hr.csv')).toEqual({
      ok: false,
      message:
        'hr.csv is not an ESR change file: it needs a change type (starter, mover or leaver), an employee or assignment number, an effective date (its header is: Name, Team). Nothing was imported.',
      problems: [],
    });
  });

  it('refuses the whole file when any line is bad, naming every bad line', () => {
    const parsed = parseEsrChanges(
      'Change Type,Employee Number,Name,Effective Date,Employment Type\n' +
        'Starter,E1,Sam Patel,2026-12-01,\n' +
        'Promotion,E2,Ama,2026-12-01,\n' +
        'Starter,E3,,31/02/2026,\n' +
        'Mover,E4,,2026-12-01,\n' +
        'Starter,E5,Kofi,2026-12-01,Zero hours\n' +
        'Starter,E1,Sam Patel,2026-12-01,\n',
      'esr.csv',
    );
    expect(parsed).toEqual({
      ok: false,
      message:
        'esr.csv has 5 lines that cannot be read. Nothing was imported; fix them and import the file again.',
      problems: [
        'Line 3: change type "Promotion" is not starter, mover or leaver.',
        'Line 4: effective date "31/02/2026" is not a date (use 30/11/2026, 30-NOV-2026 or 2026-11-30).',
        'Line 4: a starter needs a name.',
        'Line 5: a mover needs the new position, team, directorate or line manager.',
        'Line 6: employment type "Zero hours" is not one Gatehouse knows.',
        'Line 7: repeats line 2 (the same change for the same person and date).',
      ],
    });
  });

  it('neither accepts a file with a broken quote nor an empty one', () => {
    expect(
      parseEsrChanges('Change Type,Employee Number,Effective Date\nStarter,"E1,2026-12-01\n', 'a.csv'),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('a quoted field is never closed'),
    });
    expect(parseEsrChanges('Change Type,Employee Number,Effective Date\n', 'b.csv')).toMatchObject({
      ok: false,
      message: 'b.csv lists no changes. Nothing was imported.',
    });
  });
});
