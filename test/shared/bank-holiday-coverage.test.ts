import { describe, expect, it } from 'vitest';
import { bankHolidayCoverage } from '../../shared/policy/bank-holiday-coverage';

describe('bank holiday table coverage (REG-7)', () => {
  it('needs the table to reach the same day twelve months ahead', () => {
    expect(bankHolidayCoverage('2027-12-28', '2026-12-28')).toEqual({
      latest: '2027-12-28',
      neededUntil: '2027-12-28',
      covered: true,
    });
    expect(bankHolidayCoverage('2027-12-28', '2026-12-29').covered).toBe(false);
  });

  it('is not covered when the table is empty, and reads 29 February as the 28th a year on', () => {
    expect(bankHolidayCoverage(null, '2026-11-23').covered).toBe(false);
    expect(bankHolidayCoverage(null, '2028-02-29').neededUntil).toBe('2029-02-28');
  });
});
