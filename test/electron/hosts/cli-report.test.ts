import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initStore, runGatehouse } from '../../support/run-cli';
import { tempDir } from '../../support/temp-core';

describe('gatehouse report', () => {
  it('writes a report as CSV or PDF to a new file, and refuses unknown reports, bad months and existing files', () => {
    const dir = tempDir();
    const as = initStore(dir);
    expect(runGatehouse(['demo', '--people', '200', '--seed', '3', ...as]).code).toBe(0);
    const csv = join(dir, 'accounts.csv');
    const written = runGatehouse([
      'report',
      'accounts',
      '--month',
      '2026-10',
      '--format',
      'csv',
      '--out',
      csv,
      '--json',
      ...as,
    ]);
    expect(written.code).toBe(0);
    const result = JSON.parse(written.stdout) as { rows: number };
    expect(result.rows).toBeGreaterThan(0);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFSystem,Team,Line manager,Active,Suspended,Pending set-up');
    expect(lines).toHaveLength(result.rows + 1);

    const pdf = join(dir, 'sla.pdf');
    expect(
      runGatehouse(['report', 'sla', '--month', '2026-10', '--format', 'pdf', '--out', pdf, ...as]).code,
    ).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    writeFileSync(join(dir, 'taken.csv'), 'keep me');
    expect(
      runGatehouse(['report', 'accounts', '--format', 'csv', '--out', join(dir, 'taken.csv'), ...as]),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('already exists; Gatehouse never overwrites a file'),
    });
    expect(readFileSync(join(dir, 'taken.csv'), 'utf8')).toBe('keep me');
    expect(
      runGatehouse(['report', 'everything', '--format', 'csv', '--out', join(dir, 'x.csv'), ...as]),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'There is no report "everything". The reports are: inactive-users, accounts',
      ),
    });
    expect(
      runGatehouse([
        'report',
        'accounts',
        '--month',
        '11/2026',
        '--format',
        'csv',
        '--out',
        join(dir, 'x.csv'),
        ...as,
      ]),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--month takes a month like 2026-11'),
    });
    expect(
      runGatehouse(['report', 'accounts', 'extra', '--format', 'csv', '--out', join(dir, 'x.csv'), ...as]),
    ).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unexpected argument "extra"'),
    });
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });
});
