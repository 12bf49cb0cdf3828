/**
 * Pull: the Trust chain is the change feed. Read the events after this replica's cursor (checking
 * each link), find the rows their transactions changed (row_changes), fetch those rows as they are
 * now and apply them to the local replica, rows absent on the server removed. Seq order is commit
 * order (appends hold the chain's lock until commit), so nothing committed is ever skipped.
 */
import type pg from 'pg';
import type { Db } from '../store/database';
import { TrustIntegrityAlarm } from './integrity-alarm';
import { refreshSearchTerms } from '../store/people-queries';
import { insertLocalRows, type Row } from './register-copy';
import { PRIMARY_KEYS, SYNCED_TABLES, type SyncedTable } from './synced-tables';
import { trustEventHash, type TrustEventRow } from './trust-chain';

export interface Pulled {
  events: number;
  head: { seq: number; hash: string } | null;
  rows: Partial<Record<SyncedTable, { keys: string[]; found: Row[] }>>;
}

const PAGE = 20_000;

/** The rows of `table` with these keys as the register holds them now (absent ones are not returned). */
export async function fetchRows(client: pg.Client, table: SyncedTable, keys: unknown[][]): Promise<Row[]> {
  const pk = PRIMARY_KEYS[table];
  if (pk.length === 1) {
    return (
      await client.query(`SELECT * FROM gatehouse.${table} WHERE "${pk[0]}" = ANY($1)`, [
        keys.map((k) => k[0]),
      ])
    ).rows as Row[];
  }
  return (
    await client.query(
      `SELECT * FROM gatehouse.${table} WHERE jsonb_build_array(${pk.map((c) => `"${c}"`).join(', ')}) = ANY($1::jsonb[])`,
      [keys.map((k) => JSON.stringify(k))],
    )
  ).rows as Row[];
}

export async function fetchChanges(
  client: pg.Client,
  cursor: number,
  headHash: string | null,
): Promise<Pulled> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const { rows: events } = await client.query<TrustEventRow & { txid: string }>(
      'SELECT * FROM gatehouse.events WHERE seq > $1 ORDER BY seq LIMIT $2',
      [cursor, PAGE],
    );
    let previous = headHash;
    for (const e of events) {
      if ((previous !== null && e.prev_hash !== previous) || trustEventHash(e) !== e.hash) {
        throw new TrustIntegrityAlarm(
          `The Trust chain does not verify at event ${String(e.seq)}: nothing was applied. Tell the Trust's database administrator.`,
        );
      }
      previous = e.hash;
    }
    const pulled: Pulled = {
      events: events.length,
      head: events.length ? { seq: Number(events.at(-1)!.seq), hash: previous! } : null,
      rows: {},
    };
    if (events.length === 0) {
      await client.query('COMMIT');
      return pulled;
    }
    const txids = [...new Set(events.map((e) => e.txid))];
    const { rows: changes } = await client.query<{ table_name: SyncedTable; row_key: unknown[] }>(
      'SELECT DISTINCT table_name, row_key FROM gatehouse.row_changes WHERE txid = ANY($1::bigint[])',
      [txids],
    );
    for (const table of SYNCED_TABLES) {
      const keys = changes.filter((c) => c.table_name === table).map((c) => c.row_key);
      if (keys.length === 0) continue;
      pulled.rows[table] = {
        keys: keys.map((k) => JSON.stringify(k)),
        found: await fetchRows(client, table, keys),
      };
    }
    await client.query('COMMIT');
    return pulled;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Apply fetched rows to the replica (inside the caller's SQLite transaction, nothing captured). */
export function applyChanges(db: Db, pulled: Pulled): number {
  db.pragma('defer_foreign_keys = ON');
  const people = new Set<string>();
  let applied = 0;
  // Remove every affected row first, then put back what the server has: a unique index (REG-4)
  // never sees a half-applied state.
  for (const table of [...SYNCED_TABLES].reverse()) {
    const change = pulled.rows[table];
    if (!change) continue;
    const pk = PRIMARY_KEYS[table];
    const match = pk.map((c) => `"${c}" = ?`).join(' AND ');
    const del = db.prepare(`DELETE FROM ${table} WHERE ${match}`);
    for (const keyJson of change.keys) {
      const key = JSON.parse(keyJson) as unknown[];
      if (table === 'people') {
        db.prepare('DELETE FROM people_search WHERE rowid = (SELECT rowid FROM people WHERE id = ?)').run(
          key[0],
        );
        people.add(String(key[0]));
      }
      if (table === 'accounts') {
        const owner = db
          .prepare<[unknown], { person_id: string }>('SELECT person_id FROM accounts WHERE id = ?')
          .get(key[0]);
        if (owner) people.add(owner.person_id);
      }
      del.run(...key);
      db.prepare('DELETE FROM row_versions WHERE table_name = ? AND row_key = ?').run(table, keyJson);
    }
  }
  for (const table of SYNCED_TABLES) {
    const change = pulled.rows[table];
    if (!change) continue;
    insertLocalRows(db, table, change.found);
    applied += change.found.length;
    if (table === 'accounts') for (const row of change.found) people.add(String(row.person_id));
  }
  for (const id of people) refreshSearchTerms(db, id);
  return applied;
}
