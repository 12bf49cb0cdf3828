/**
 * SUS-2 in dates: an account is inactive after its system's period without a sign-in; its line manager
 * is told at least 7 days before deactivation, and deactivation is never planned sooner than 7 days
 * after the notice. Pure date arithmetic on YYYY-MM-DD strings.
 */
import { addCalendarDays } from './working-days';

export const NOTICE_DAYS = 7;

/** The day from which an account with this last activity needs a notice. */
export function noticeDueOn(lastActive: string, periodDays: number): string {
  return addCalendarDays(lastActive, periodDays - NOTICE_DAYS);
}

/** The earliest deactivation: the end of the period, but never sooner than 7 days after the notice. */
export function deactivationOn(lastActive: string, periodDays: number, noticedOn: string): string {
  const endOfPeriod = addCalendarDays(lastActive, periodDays);
  const afterNotice = addCalendarDays(noticedOn, NOTICE_DAYS);
  return endOfPeriod > afterNotice ? endOfPeriod : afterNotice;
}
