/**
 * The append-only triggers on audit_events, checked against what Gatehouse ships (issue 10 §1).
 * Anyone who can open the database can drop them; signatures and anchors catch what is done next,
 * and this check names the dropped or altered trigger itself. The shipped text is taken from the
 * migrations themselves, run once on an empty in-memory database, so it is written down only once.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database';
import { MIGRATIONS } from './migrations';

const shipped = new Map<number, Map<string, string>>();

function triggersOf(db: Db): Map<string, string> {
  const rows = db
    .prepare<[], { name: string; sql: string | null }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events' ORDER BY name`,
    )
    .all();
  return new Map(rows.map((row) => [row.name, row.sql ?? '']));
}

/** The triggers as shipped up to a schema version (a backup being checked may predate some). */
export function shippedAuditTriggers(version: number): Map<string, string> {
  let triggers = shipped.get(version);
  if (!triggers) {
    const db = new Database(':memory:');
    try {
      for (const migration of MIGRATIONS) if (migration.version <= version) migration.up(db);
      triggers = triggersOf(db);
    } finally {
      db.close();
    }
    shipped.set(version, triggers);
  }
  return triggers;
}

/** One sentence per trigger that is missing, altered or added; empty when all are as shipped. */
export function triggerProblems(db: Db): string[] {
  const expected = shippedAuditTriggers(db.pragma('user_version', { simple: true }) as number);
  const actual = triggersOf(db);
  const problems: string[] = [];
  for (const [name, sql] of expected) {
    const found = actual.get(name);
    if (found === undefined) {
      problems.push(
        `The append-only trigger ${name} on audit_events is missing: someone has dropped it, so events could have been changed or deleted.`,
      );
    } else if (found !== sql) {
      problems.push(
        `The append-only trigger ${name} on audit_events is not as Gatehouse ships it: it has been altered.`,
      );
    }
  }
  for (const name of actual.keys()) {
    if (!expected.has(name)) problems.push(`audit_events has a trigger Gatehouse does not ship: ${name}.`);
  }
  return problems;
}
