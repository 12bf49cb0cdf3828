import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initStore, runGatehouse } from '../../support/run-cli';
import { tempDir } from '../../support/temp-core';

describe('gatehouse inactivity run', () => {
  it('writes one email draft per line manager, and a second run the same day notifies no one again', () => {
    const dir = tempDir();
    const as = initStore(dir);
    expect(runGatehouse(['demo', '--people', '400', '--seed', '11', ...as]).code).toBe(0);
    const out = join(dir, 'notices');
    const first = runGatehouse(['inactivity', 'run', '--as-of', '2027-03-01', '--out', out, '--json', ...as]);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as { notices: unknown[]; files: string[] };
    expect(result.notices.length).toBeGreaterThan(0);
    expect(readdirSync(out)).toHaveLength(result.files.length);
    expect(readFileSync(result.files[0]!, 'utf8')).toMatch(
      /\r\nFrom: Gatehouse access management <no-reply@gatehouse.invalid>\r\n/,
    );
    const again = runGatehouse(['inactivity', 'run', '--as-of', '2027-03-01', '--json', ...as]);
    expect(JSON.parse(again.stdout)).toMatchObject({ notices: [] });
    expect(runGatehouse(['inactivity', 'run', '--as-of', '31/02/2027', ...as])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--as-of takes a date/),
    });
  });
});
