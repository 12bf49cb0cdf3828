/**
 * What a push sends for a row a command changed: the row as this store holds it now, and the
 * register's version of it as this workstation last saw it (none: the row is new to the register).
 */
import type { Db } from '../store/database';
import { cached } from '../store/statement-cache';
import type { Row } from './register-copy';
import { PRIMARY_KEYS, type SyncedTable } from './synced-tables';

export interface LocalState {
  local: Row | undefined;
  /** The register's version of the row as this workstation last saw it; none: never on the register. */
  expected: number | undefined;
}

/** One row's state, by its key. */
export function localState(db: Db, table: SyncedTable, key: unknown[]): LocalState {
  const local = cached(
    db,
    `SELECT * FROM ${table} WHERE ${PRIMARY_KEYS[table].map((c) => `"${c}" = ?`).join(' AND ')}`,
  ).get(...key) as Row | undefined;
  const expected = cached<[string, string], { version: number }>(
    db,
    'SELECT version FROM row_versions WHERE table_name = ? AND row_key = ?',
  ).get(table, JSON.stringify(key))?.version;
  return { local, expected };
}

/**
 * The state of every row of `table` a queued command changed, by captured key, in one statement:
 * a Trust-wide review's start changes one row per account (about 370,000), and two look-ups a row
 * were a noticeable part of its push (issue 13 §4). Same rows and versions as localState gives.
 */
export function localStatesOf(db: Db, outboxId: number, table: SyncedTable): Map<string, LocalState> {
  const pk = PRIMARY_KEYS[table];
  const rows = cached<[number, string], Row>(
    db,
    `SELECT c.row_key AS gh_captured_key, v.version AS gh_known_version, t.*
     FROM captured_changes c
     LEFT JOIN row_versions v ON v.table_name = c.table_name AND v.row_key = c.row_key
     LEFT JOIN ${table} t ON ${pk.map((col, i) => `t."${col}" = json_extract(c.row_key, '$[${i}]')`).join(' AND ')}
     WHERE c.outbox_id = ? AND c.table_name = ?`,
  ).all(outboxId, table);
  const states = new Map<string, LocalState>();
  for (const { gh_captured_key: key, gh_known_version: version, ...local } of rows) {
    // Key columns are never null in a row that exists: all null, the row is gone here.
    states.set(String(key), {
      local: local[pk[0]!] === null ? undefined : local,
      expected: version === null ? undefined : Number(version),
    });
  }
  return states;
}
