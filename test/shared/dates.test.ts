import { describe, expect, it } from 'vitest';
import { parseUkOrIsoDate } from '../../shared/dates';

describe('dates in files (issue 9 §5)', () => {
  it('reads ISO, UK, ESR (30-NOV-2026, 30-Nov-2026) and Excel date-time cells', () => {
    for (const text of [
      '2026-11-30',
      '30/11/2026',
      ' 30/11/2026 ',
      '30-NOV-2026',
      '30-Nov-2026',
      '30 Nov 2026',
      '30/11/2026 00:00',
      '30/11/2026 00:00:00',
      '30-NOV-2026 23:59:59',
      '2026-11-30 00:00:00',
      '2026-11-30T14:05:00Z',
      '2026-11-30T14:05:00.123+00:00',
    ])
      expect(parseUkOrIsoDate(text), text).toBe('2026-11-30');
    expect(parseUkOrIsoDate('1-Feb-2027')).toBe('2027-02-01');
  });

  it('refuses what is ambiguous or impossible', () => {
    for (const text of [
      '30-11-26',
      '30/11/26',
      '30-NOV-26',
      '11/30/2026',
      '31/02/2026',
      '31-JUN-2026',
      '30-NOVEMBER-2026',
      '30-Nvm-2026',
      '30/11/2026 24:00',
      '30/11/2026 12:60',
      '30/11/2026 00:00 extra',
      '2026/11/30',
      '',
    ])
      expect(parseUkOrIsoDate(text), text).toBeNull();
  });
});
