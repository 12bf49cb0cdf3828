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

  it('names a binary file as not text, UTF-16 as UTF-16, and older encodings as not UTF-8 (issue 9 §6)', () => {
    const message = (text: string) => {
      const result = parseCsv(text);
      return result.ok ? '' : result.message;
    };
    const bytes = (values: number[]) => Buffer.from(values).toString('utf8');
    const noZeros = Array.from({ length: 600 }, (_, i) => (i % 2 === 0 ? 1 + (i % 30) : 0x80 + (i % 120)));
    expect(message(bytes(noZeros))).toMatch(/^The file is not a text \(CSV\) file/);
    expect(message('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')).toMatch(/^The file is not a text \(CSV\) file/);
    expect(message('name,team\nSam\u0000,Podiatry\n')).toMatch(/^The file is not a text \(CSV\) file/);
    expect(message(Buffer.from('\uFEFFname,team\r\nSam,Podiatry\r\n', 'utf16le').toString('utf8'))).toMatch(
      /saved as UTF-16/,
    );
    const bigEndian = Buffer.from('\uFEFFname,team\r\n', 'utf16le').swap16();
    expect(message(bigEndian.toString('utf8'))).toMatch(/saved as UTF-16/);
    const latin1 = Buffer.from('name,team\nRenée Lefèvre,Podiatry\nJosé Núñez,Ward 5\n', 'latin1');
    expect(message(latin1.toString('utf8'))).toMatch(/^Line 2: the file is not UTF-8 text/);
    // A stray control character in one field is the importer's to name, by line and field.
    expect(parseCsv('name,team\nSam\u0007 Patel,Podiatry\n').ok).toBe(true);
  });
});
