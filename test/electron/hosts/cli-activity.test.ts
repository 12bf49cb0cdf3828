import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initStore, runGatehouse } from '../../support/run-cli';
import { tempDir } from '../../support/temp-core';

describe('gatehouse activity import', () => {
  it('imports by system name, saves the column names, lists orphans, and exits 2 for a bad file', () => {
    const dir = tempDir();
    const as = initStore(dir);
    const file = join(dir, 'emis.csv');
    writeFileSync(file, 'User ID,Last Access\nnobody.known,19/11/2026\n');
    const mapped = runGatehouse([
      'activity',
      'import',
      '--system',
      'EMIS',
      '--file',
      file,
      '--username-column',
      'User ID',
      '--date-column',
      'Last Access',
      ...as,
    ]);
    expect(mapped).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /Not in the register \(1\):\n {2}nobody\.known \(last sign-in 2026-11-19\)/,
      ),
    });
    // The mapping was saved: the same export imports without naming the columns again.
    expect(runGatehouse(['activity', 'import', '--system', 'emis', '--file', file, ...as]).code).toBe(0);
    expect(runGatehouse(['activity', 'import', '--system', 'Nowhere', '--file', file, ...as])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/no system "Nowhere"/),
    });
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'User ID,Last Access\nsomeone,not a date\n');
    expect(runGatehouse(['activity', 'import', '--system', 'EMIS', '--file', bad, ...as])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/Line 2: "not a date" is not a date/),
    });
  });
});
