/**
 * Files as HR, ESR and the systems really send them (test/support/files), and what an import could
 * touch, to show a refused file changed nothing.
 */
import { readFileSync } from 'node:fs';
import type { Core } from '../../electron/core';

export function reportFile(name: string): string {
  return readFileSync(new URL(`files/${name}`, import.meta.url), 'utf8');
}

/** Everything an import could touch, as counts and the audit chain's last sequence number. */
export function registerSnapshot(core: Core) {
  const db = core.session.store!.db;
  const one = (sql: string) => Object.values(db.prepare(sql).get() as object)[0];
  return {
    people: one(
      "SELECT group_concat(name || ':' || status || ':' || coalesce(employee_number, '')) FROM people",
    ),
    accounts: one("SELECT group_concat(status || ':' || coalesce(last_activity_at, '')) FROM accounts"),
    tasks: one('SELECT count(*) FROM tasks'),
    orphans: one('SELECT count(*) FROM orphan_accounts'),
    esr: one('SELECT count(*) FROM esr_changes'),
    audit: one('SELECT max(seq) FROM audit_events'),
  };
}
