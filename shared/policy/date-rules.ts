/**
 * Dates that make sense before they change anything. A leaving date far ahead is not applied as if
 * it were today (DIS-3 de-registers every account at once); an authorisation cannot come from the
 * future (REG-2, CHG-1, RRG-1); a temporary starter cannot be added already finished (REG-11).
 * Each answers null when the date is fine, or the sentence that says why not and what to do.
 * Dates are calendar dates (YYYY-MM-DD) in Europe/London; `today` comes from the caller's clock.
 */
import { addCalendarDays } from './working-days';

/** A leaver dated up to this many days ahead may be applied now (their last weeks are notice). */
export const LEAVER_APPLY_WINDOW_DAYS = 14;

export function leavingDateProblem(name: string, leftOn: string, today: string): string | null {
  const latest = addCalendarDays(today, LEAVER_APPLY_WINDOW_DAYS);
  if (leftOn <= latest) return null;
  return `${name} leaves on ${leftOn}, more than ${LEAVER_APPLY_WINDOW_DAYS} days ahead: applying it now would end their access at once (DIS-3). Apply it nearer the date, from ${addCalendarDays(leftOn, -LEAVER_APPLY_WINDOW_DAYS)}.`;
}

export function authorisationDateProblem(
  on: string,
  today: string,
  who = 'line manager’s authorisation',
  rule = 'REG-2',
): string | null {
  if (on <= today) return null;
  return `The ${who} is dated ${on}, which is after today (${rule}): give the date it was actually given.`;
}

export function finishingDateProblem(
  name: string,
  finishingDate: string | null | undefined,
  today: string,
): string | null {
  if (!finishingDate || finishingDate >= today) return null;
  return `${name}’s finishing date ${finishingDate} has already passed (REG-11): access would end before it starts. Check the date, or record the extension first.`;
}
