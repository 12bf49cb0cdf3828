/**
 * REG-7: registration targets are counted in working days, which exclude weekends and England and
 * Wales bank holidays. Dates are calendar dates in the Trust's time zone (Europe/London), written
 * YYYY-MM-DD, so the arithmetic never depends on the machine's clock or time zone.
 *
 * A request received on day D is due `days` working days later: each step moves to the next
 * working day. Received on Friday with a 1-day target, it is due on Monday (Tuesday if that Monday is
 * a bank holiday). A request received at the weekend is due, with a 1-day target, on the Monday.
 */

const DAY_MS = 86_400_000;

function toUtcMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

function fromUtcMidnight(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Calendar days (not working days) after a date. */
export function addCalendarDays(date: string, days: number): string {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS);
}

export function isWeekend(date: string): boolean {
  const day = new Date(toUtcMidnight(date)).getUTCDay();
  return day === 0 || day === 6;
}

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

export function addWorkingDays(start: string, days: number, holidays: ReadonlySet<string>): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new RangeError(`Not a date: ${start}`);
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`Working days must be a whole number, 0 or more: ${days}`);
  let current = toUtcMidnight(start);
  let remaining = days;
  while (remaining > 0) {
    current += DAY_MS;
    if (isWorkingDay(fromUtcMidnight(current), holidays)) remaining -= 1;
  }
  return fromUtcMidnight(current);
}

/** The calendar date in Europe/London of an instant. */
export function londonDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export type SlaStatus = 'on-time' | 'at-risk' | 'breached' | 'met' | 'missed';

/**
 * Where a request stands against a due date: open requests are on time, at risk (due today) or
 * breached (past due); completed ones met or missed it.
 */
export function slaStatus(due: string, today: string, completedOn: string | null): SlaStatus {
  if (completedOn !== null) return completedOn <= due ? 'met' : 'missed';
  if (today < due) return 'on-time';
  return today === due ? 'at-risk' : 'breached';
}
