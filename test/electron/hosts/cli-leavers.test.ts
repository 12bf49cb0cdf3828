import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFile } from '../../support/report-files';
import { initStore, runGatehouse } from '../../support/run-cli';
import { tempDir } from '../../support/temp-core';

describe('gatehouse leavers import', () => {
  it('previews by default, applies the unambiguous matches with --apply, and exits 2 naming bad lines', () => {
    const dir = tempDir();
    const as = initStore(dir);
    const staff = join(dir, 'staff.csv');
    writeFileSync(
      staff,
      'employee number,name,team\n1001,Siobhán O’Neill,Newham Crisis Team\n1002,John Smith,Podiatry\n1003,John Smith,Health Visiting\n',
    );
    expect(runGatehouse(['people', 'import', '--file', staff, ...as]).code).toBe(0);

    const report = join(dir, 'leavers.csv');
    writeFileSync(
      report,
      'Name,Team,Date Left\n"O\'Neill, Siobhan",Newham Crisis Team,30/11/2026\nJohn Smith,Finance,28/11/2026\n',
    );
    const preview = runGatehouse(['leavers', 'import', '--file', report, ...as]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(
      /Matched \(1\):\n {2}line 2: O'Neill, Siobhan \(Newham Crisis Team\), left 2026-11-30 -> Siobhán O’Neill, 0 live accounts/,
    );
    expect(preview.stdout).toMatch(
      /Ambiguous: resolve on the Leavers screen \(1\):\n {2}line 3: John Smith \(Finance\)/,
    );

    const applied = runGatehouse(['leavers', 'import', '--file', report, '--apply', '--json', ...as]);
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({
      processed: [{ line: 2, personName: 'Siobhán O’Neill' }],
      skipped: [{ line: 3, why: 'ambiguous: not resolved' }],
    });
    expect(runGatehouse(['leavers', 'import', '--file', report, '--apply', ...as]).stdout).toMatch(
      /^Nothing to apply/,
    );

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'name,team,date left\nJohn Smith,Podiatry,31/02/2026\n');
    expect(runGatehouse(['leavers', 'import', '--file', bad, '--apply', ...as])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Line 2: leaving date "31\/02\/2026" is not a date/),
    });
    const wrong = join(dir, 'wrong.csv');
    writeFileSync(wrong, 'id,team\n1,Podiatry\n');
    expect(runGatehouse(['leavers', 'import', '--file', wrong, ...as])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/not a leavers report/),
    });
  });

  it('says what it skipped in a report as ESR saves it: title, total and empty columns (issue 9 §5)', () => {
    const dir = tempDir();
    const as = initStore(dir);
    const staff = join(dir, 'staff.csv');
    writeFileSync(staff, 'employee number,name,team\n1001,Siobhán O’Neill,Newham Crisis Team\n');
    expect(runGatehouse(['people', 'import', '--file', staff, ...as]).code).toBe(0);
    const report = join(dir, 'Leavers_Report.csv');
    writeFileSync(report, reportFile('esr-bi-leavers.csv'));
    const preview = runGatehouse(['leavers', 'import', '--file', report, ...as]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(
      /^Skipped the report title on lines 1-4, the summary on lines 11-12 \("Total leavers: 4"\) and 2 empty columns after the last heading\.\nLine 7 is another assignment of employee 1001 \(line 6\), read once\.\nMatched \(1\):\n {2}line 6: O'Neill, Ms\. Siobhan/,
    );
  });
});
