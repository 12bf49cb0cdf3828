import { describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, parseGovUkBankHolidays } from '../../shared/policy/bank-holidays';
import { addWorkingDays, londonDate, slaStatus } from '../../shared/policy/working-days';

const HOLIDAYS = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date));

/** Easter Sunday by the anonymous Gregorian algorithm, to check the shipped dates independently. */
function easterSunday(year: number): string {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('addWorkingDays (REG-7)', () => {
  it.each([
    // [received, days, due, why]
    ['2026-11-23', 1, '2026-11-24', 'Monday to Tuesday'],
    ['2026-11-27', 1, '2026-11-30', 'Friday to Monday over a weekend'],
    ['2026-11-28', 1, '2026-11-30', 'received on a Saturday'],
    ['2026-11-23', 0, '2026-11-23', 'zero days is the same day'],
    ['2026-12-24', 1, '2026-12-29', 'Christmas Eve: Christmas Day and the Boxing Day substitute are skipped'],
    ['2026-12-24', 3, '2026-12-31', 'the interim standard over Christmas 2026'],
    ['2027-12-24', 1, '2027-12-29', 'Christmas 2027 falls at a weekend: both substitutes skipped'],
    ['2026-12-31', 1, '2027-01-04', 'New Year’s Day 2027 (Friday) then a weekend'],
    ['2021-12-31', 1, '2022-01-04', 'New Year’s Day 2022 fell on a Saturday: Monday 3 January substitute'],
    ['2026-04-02', 1, '2026-04-07', 'Easter 2026: Good Friday and Easter Monday'],
    ['2027-03-25', 3, '2027-04-01', 'Easter 2027 with the interim standard'],
    ['2026-05-22', 1, '2026-05-26', 'late-May bank holiday 2026'],
    ['2026-08-28', 1, '2026-09-01', 'August bank holiday 2026'],
    ['2022-06-01', 1, '2022-06-06', 'Platinum Jubilee: Thursday and Friday'],
    ['2026-11-23', 5, '2026-11-30', 'Connecting Care’s five days'],
  ])('%s + %i working day(s) is %s (%s)', (received, days, due) => {
    expect(addWorkingDays(received, days, HOLIDAYS)).toBe(due);
  });

  it('refuses nonsense rather than guessing', () => {
    expect(() => addWorkingDays('23/11/2026', 1, HOLIDAYS)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23', -1, HOLIDAYS)).toThrow(RangeError);
  });

  it('ships Good Friday and Easter Monday for every year 2020-2027', () => {
    for (let year = 2020; year <= 2027; year += 1) {
      const easter = easterSunday(year);
      expect(HOLIDAYS.has(shift(easter, -2)), `Good Friday ${year}`).toBe(true);
      expect(HOLIDAYS.has(shift(easter, 1)), `Easter Monday ${year}`).toBe(true);
    }
  });

  it('ships no bank holiday on a weekend', () => {
    for (const { date } of ENGLAND_AND_WALES_BANK_HOLIDAYS)
      expect([0, 6]).not.toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
  });
});

describe('SLA status', () => {
  it('is on time before the due date, at risk on it, breached after; met or missed when done', () => {
    expect(slaStatus('2026-11-24', '2026-11-23', null)).toBe('on-time');
    expect(slaStatus('2026-11-24', '2026-11-24', null)).toBe('at-risk');
    expect(slaStatus('2026-11-24', '2026-11-25', null)).toBe('breached');
    expect(slaStatus('2026-11-24', '2026-11-30', '2026-11-24')).toBe('met');
    expect(slaStatus('2026-11-24', '2026-11-30', '2026-11-25')).toBe('missed');
  });

  it('uses the London date, so a request at 00:30 BST counts from that day', () => {
    expect(londonDate(new Date('2026-06-01T23:30:00Z'))).toBe('2026-06-02');
    expect(londonDate(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
  });
});

describe('GOV.UK bank holidays import', () => {
  it('reads the England and Wales division of the feed', () => {
    const feed = JSON.stringify({
      'england-and-wales': {
        division: 'england-and-wales',
        events: [{ title: 'New Year’s Day', date: '2028-01-03', notes: 'Substitute day', bunting: true }],
      },
      scotland: { division: 'scotland', events: [] },
    });
    expect(parseGovUkBankHolidays(feed)).toEqual({
      ok: true,
      holidays: [{ date: '2028-01-03', title: 'New Year’s Day' }],
    });
  });

  it('refuses a file that is not the feed, saying why', () => {
    expect(parseGovUkBankHolidays('not json')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not JSON/),
    });
    expect(parseGovUkBankHolidays('{"scotland": {}}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/GOV.UK bank holidays format/),
    });
  });
});
