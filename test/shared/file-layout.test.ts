import { describe, expect, it } from 'vitest';
import { headerColumns, quoteFields, readTable } from '../../shared/file-layout';

const read = (text: string) =>
  readTable(text, 'r.csv', headerColumns({ name: 'name', date: 'date' } as const), (c) => c.includes('name'));

describe('report layout around the data (issue 9 §5)', () => {
  it('says when only blank lines stand above the header', () => {
    const result = read('\n,,\nname,date\nSam,1/1/2026\n');
    expect(result).toMatchObject({
      ok: true,
      complete: true,
      table: { header: { line: 3 }, notes: ['Skipped the blank lines 1-2 above the header.'] },
    });
  });

  it('takes a "Total, 8" row, a page footer and a run line as the summary, never as data', () => {
    const result = read('name,date\nSam,1/1/2026\nTotal leavers,1\nReport run by: HR Systems\nPage 1 of 1\n');
    expect(result.ok && result.table.records.map((r) => r.line)).toEqual([2]);
    expect(result.ok && result.table.notes).toEqual([
      'Skipped the summary on lines 3-5 ("Total leavers 1").',
    ]);
  });

  it('reads a plain file with no notes', () => {
    expect(read('name,date\nSam,1/1/2026\n')).toMatchObject({ ok: true, table: { notes: [] } });
  });

  it('keeps a one-word line that is not a summary as data, for the importer to judge', () => {
    const result = read('name,date\nSam,1/1/2026\nAmbiguous\n');
    expect(result.ok && result.table.records.map((r) => r.line)).toEqual([2, 3]);
  });

  it('quotes at most a few fields, each shortened, with the count', () => {
    expect(quoteFields(['a', 'b', 'c'])).toBe('a, b, c');
    expect(quoteFields(['x'.repeat(50), ...Array<string>(9).fill('y')], 2)).toBe(
      `${'x'.repeat(40)}…, y, … (10 columns)`,
    );
  });
});
