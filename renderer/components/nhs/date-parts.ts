/**
 * Reading the design system's three date fields (Day, Month, Year) as the calendar date the
 * contract takes (YYYY-MM-DD). A date that cannot be one (31/02/2027, letters, a two-digit year)
 * is a problem named in the design system's words, never a silent empty value.
 */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

export type DateReading =
  { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'problem'; message: string; parts: DatePart[] };

export const NO_DATE: DateParts = { day: '', month: '', year: '' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The fields to show for a date the form holds; an empty or unreadable value shows empty fields. */
export function partsOfIso(value: string): DateParts {
  const match = ISO.exec(value);
  if (!match) return NO_DATE;
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

function listed(parts: DatePart[]): string {
  return parts.length === 1 ? `a ${parts[0]}` : `a ${parts.slice(0, -1).join(', a ')} and a ${parts.at(-1)}`;
}

export function readDateParts(raw: DateParts, label: string): DateReading {
  const parts: DateParts = { day: raw.day.trim(), month: raw.month.trim(), year: raw.year.trim() };
  const missing = (['day', 'month', 'year'] as const).filter((p) => parts[p] === '');
  if (missing.length === 3) return { kind: 'empty' };
  if (missing.length > 0)
    return { kind: 'problem', message: `${label} must include ${listed(missing)}.`, parts: missing };
  const notNumbers = (['day', 'month', 'year'] as const).filter((p) => !/^\d+$/.test(parts[p]));
  if (notNumbers.length > 0) {
    return {
      kind: 'problem',
      message: `${label} must be a real date, written in numbers, for example 27 3 2027.`,
      parts: notNumbers,
    };
  }
  if (parts.year.length !== 4) {
    return {
      kind: 'problem',
      message: `${label}: the year must have 4 numbers, for example 2027.`,
      parts: ['year'],
    };
  }
  const [d, m, y] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    m < 1 ||
    m > 12 ||
    d < 1 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  ) {
    return {
      kind: 'problem',
      message: `${label} must be a real date, for example 27 3 2027.`,
      parts: m < 1 || m > 12 ? ['month'] : ['day', 'month', 'year'],
    };
  }
  return { kind: 'date', iso: `${parts.year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/**
 * What the form holds while the fields are not a date: their text as typed, in an order no date
 * check accepts, so a submit that slips past the inline error is still refused by main.
 */
export function unreadableValue(raw: DateParts): string {
  return `${raw.year.trim()}-${raw.month.trim()}-${raw.day.trim()}?`;
}
