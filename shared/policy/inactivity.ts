/**
 * SUS-2 in dates: an account is inactive after its system's period without a sign-in; its line manager
 * is told at least 7 days before deactivation, and deactivation is never planned sooner than 7 days
 * after the notice. Pure date arithmetic on YYYY-MM-DD strings.
 */
export const NOTICE_DAYS = 7;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The day from which an account with this last activity needs a notice. */
export function noticeDueOn(lastActive: string, periodDays: number): string {
  return addDays(lastActive, periodDays - NOTICE_DAYS);
}

/** The earliest deactivation: the end of the period, but never sooner than 7 days after the notice. */
export function deactivationOn(lastActive: string, periodDays: number, noticedOn: string): string {
  const endOfPeriod = addDays(lastActive, periodDays);
  const afterNotice = addDays(noticedOn, NOTICE_DAYS);
  return endOfPeriod > afterNotice ? endOfPeriod : afterNotice;
}
