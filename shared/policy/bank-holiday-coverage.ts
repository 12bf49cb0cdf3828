/**
 * The SLA clock (REG-7) skips England and Wales bank holidays only as far as the table goes: past its
 * last date every weekday counts as a working day, silently. So the table must reach twelve months
 * ahead of today; when it does not, Home asks for GOV.UK's file to be imported.
 */
export const BANK_HOLIDAYS_NEEDED_MONTHS = 12;

export interface BankHolidayCoverage {
  /** The last bank holiday in the table, or null when it is empty. */
  latest: string | null;
  /** The date the table must reach: today, twelve months on. */
  neededUntil: string;
  covered: boolean;
}

/** `today` and the result are calendar dates (YYYY-MM-DD). 29 February falls back to the 28th. */
export function bankHolidayCoverage(latest: string | null, today: string): BankHolidayCoverage {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + BANK_HOLIDAYS_NEEDED_MONTHS, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  const neededUntil = target.toISOString().slice(0, 10);
  return { latest, neededUntil, covered: latest !== null && latest >= neededUntil };
}
