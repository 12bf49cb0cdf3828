/**
 * The Trust's own settings, kept on the register and pulled into each replica like any register row
 * (trust_settings): today the offline grace period (issue 11 §2). A workstation alone has none.
 */
import type { Db } from '../store/database';

export const OFFLINE_GRACE_HOURS = 72;

/** The Trust's setting as this replica last pulled it (sync:setOfflineGrace), else the default. */
export function offlineGraceHours(db: Db): number {
  const row = db
    .prepare<[], { value: string }>(`SELECT value FROM trust_settings WHERE key = 'offlineGraceHours'`)
    .get();
  const hours = Number(row?.value);
  // Whatever a psql session may have left there, the bound stays one the Trust could have chosen.
  return Number.isInteger(hours) && hours >= 1 && hours <= 720 ? hours : OFFLINE_GRACE_HOURS;
}
