import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initStore, runGatehouse } from '../../support/run-cli';
import { tempDir } from '../../support/temp-core';

describe('gatehouse esr import', () => {
  it('records the changes as proposals once, and exits 2 naming the bad line of a bad file', () => {
    const dir = tempDir();
    const as = initStore(dir);
    const feed = join(dir, 'esr.csv');
    writeFileSync(
      feed,
      'Change Type,Employee Number,Name,Effective Date\nStarter,E1,Sam Patel,01/12/2026\nLeaver,E2,,30/11/2026\n',
    );
    const first = runGatehouse(['esr', 'import', '--file', feed, ...as]);
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toBe(
      `Imported 2 changes from ${feed}.\nWaiting for a decision: 1 starter, 0 movers, 1 leaver.\n`,
    );
    expect(runGatehouse(['esr', 'import', '--file', feed, ...as]).stdout).toContain(
      `Nothing new in ${feed}: all 2 changes were imported before.`,
    );
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Change Type,Employee Number,Name,Effective Date\nStarter,E3,Kofi,32/12/2026\n');
    expect(runGatehouse(['esr', 'import', '--file', bad, ...as])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Line 2: effective date "32/12/2026" is not a date'),
    });
    expect(runGatehouse(['esr', 'import', '--file', join(dir, 'missing.csv'), ...as])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Cannot read'),
    });
  });
});
