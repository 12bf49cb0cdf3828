/**
 * Dates as they arrive in files: ISO (2027-03-31), UK style (31/03/2027), as ESR writes them
 * (31-MAR-2027, 31-Mar-2027) and as Excel writes a date-time cell (31/03/2027 00:00, 31/03/2027 00:00:00).
 * Anything ambiguous (two-digit years, 31-3-27) or impossible (31/02/2027, 11/30/2026) is refused.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** What to tell someone whose date was refused. */
export const DATE_FORMATS = 'use 30/11/2026, 30-NOV-2026 or 2026-11-30';

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}$`);
const UK = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`);
const ESR = new RegExp(String.raw`^(\d{1,2})[- ]([A-Za-z]{3})[- ](\d{4})${TIME}$`);

function validTime(h?: string, m?: string, s?: string): boolean {
  return (
    (h === undefined || Number(h) < 24) &&
    (m === undefined || Number(m) < 60) &&
    (s === undefined || Number(s) < 60)
  );
}

/** The calendar date (YYYY-MM-DD) a file's date cell names, or null when it is not one. */
export function parseUkOrIsoDate(text: string): string | null {
  const value = text.trim();
  let y: number, m: number, d: number;
  let time: (string | undefined)[];
  const iso = ISO.exec(value);
  const uk = UK.exec(value);
  const esr = ESR.exec(value);
  if (iso) [y, m, d, time] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso.slice(4)];
  else if (uk) [d, m, y, time] = [Number(uk[1]), Number(uk[2]), Number(uk[3]), uk.slice(4)];
  else if (esr) {
    const month = MONTHS.indexOf(esr[2]!.toLowerCase());
    if (month < 0) return null;
    [d, m, y, time] = [Number(esr[1]), month + 1, Number(esr[3]), esr.slice(4)];
  } else return null;
  if (!validTime(...time)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
