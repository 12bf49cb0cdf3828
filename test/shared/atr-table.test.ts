import { describe, expect, it } from 'vitest';
import { nameCard, NHS_ATRS, parseAtrTable } from '../../shared/atr-table';
import { expiryWarning } from '../../shared/smartcard';

describe('ATR table (smartcard_list.txt format)', () => {
  it('names NHS cards out of the box, and matches wildcard nibbles in an imported table', () => {
    expect(nameCard('3B F9 18 00 00 81 31 FE 45 4A 43 4F 50 34 31 56 32 32 AF', NHS_ATRS)).toEqual([
      'NHS Care Identity Service (CIS) smartcard (JCOP41)',
    ]);
    const table = parseAtrTable(
      '# comment\n\n3B 8A 80 01 .. .. 4E 45\n\tA test card\n\tSecond line\n3B 02 14 5.\n\tOther\n',
    );
    expect(table).toEqual({
      ok: true,
      entries: [
        { pattern: '3B 8A 80 01 .. .. 4E 45', descriptions: ['A test card', 'Second line'] },
        { pattern: '3B 02 14 5.', descriptions: ['Other'] },
      ],
    });
    if (!table.ok) return;
    expect(nameCard('3B8A80014A4F4E45', table.entries)).toEqual(['A test card', 'Second line']);
    expect(nameCard('3B 02 14 53', table.entries)).toEqual(['Other']);
    expect(nameCard('3B 02 14 63', table.entries)).toBeNull();
  });

  it('refuses a file that is not an ATR table, naming the line', () => {
    expect(parseAtrTable('Name,Team\nSam,Podiatry\n')).toEqual({
      ok: false,
      message:
        'Line 1: "Name,Team" is neither an ATR (hex bytes such as 3B F9 18 ...) nor a description (which starts with a tab).',
    });
    expect(parseAtrTable('\tdescription first\n')).toMatchObject({
      ok: false,
      message: expect.stringContaining('Line 1'),
    });
    expect(parseAtrTable('# only comments\n')).toMatchObject({ ok: false });
  });
});

describe('certificate expiry warnings', () => {
  it('warns at 90, 60 and 30 days and flags an expired certificate', () => {
    expect(expiryWarning('2027-03-01T00:00:00Z', '2026-11-23')).toBeNull();
    expect(expiryWarning('2027-02-20T00:00:00Z', '2026-11-23')).toBe('90');
    expect(expiryWarning('2027-01-20T00:00:00Z', '2026-11-23')).toBe('60');
    expect(expiryWarning('2026-12-23T00:00:00Z', '2026-11-23')).toBe('30');
    expect(expiryWarning('2026-11-23T00:00:00Z', '2026-11-23')).toBe('30');
    expect(expiryWarning('2026-11-22T23:00:00Z', '2026-11-23')).toBe('expired');
  });
});
