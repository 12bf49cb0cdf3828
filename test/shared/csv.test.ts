import { describe, expect, it } from 'vitest';
import { headerKey, neutraliseFormula, parseCsv } from '../../shared/csv';

describe('CSV parsing', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, after a byte-order mark', () => {
    const result = parseCsv(
      '\uFEFFname,team\r\n"O\'Neill, Siobhán","Crisis ""A"" Team"\r\n"Line\nBreak",x\r\n',
    );
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['name', 'team'] },
        { line: 2, fields: ["O'Neill, Siobhán", 'Crisis "A" Team'] },
        { line: 3, fields: ['Line\nBreak', 'x'] },
      ],
    });
  });

  it('skips blank lines but keeps counting them', () => {
    expect(parseCsv('a\n\nb\n')).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a'] },
        { line: 3, fields: ['b'] },
      ],
    });
  });

  it('names the line of a broken quote', () => {
    expect(parseCsv('a,b\nx,"unclosed\n')).toEqual({
      ok: false,
      message: expect.stringMatching(/^Line 2: a quoted field is never closed/),
    });
    expect(parseCsv('a,b\nx,ab"c\n')).toEqual({
      ok: false,
      message: expect.stringMatching(/^Line 2: a quote appears in the middle/),
    });
  });

  it('compares headers the way people write them', () => {
    expect(headerKey(' Employee_Number ')).toBe(headerKey('employee number'));
  });

  it('neutralises spreadsheet formulas', () => {
    expect(neutraliseFormula("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(neutraliseFormula('Ann')).toBe('Ann');
  });
});
