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
import { PRIMARY_KEYS, ROW_VERSION, SYNCED_TABLES, type SyncedTable } from './synced-tables';
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
  ownCommits: ReadonlySet<string> = new Set(),
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
    // Rows only this workstation's own push just committed are already here as sent, at the versions
    // it recorded (a Trust-wide review's start: one per account, issue 13 §4); a row another
    // transaction also changed is read, as it stands now.
    const txids = [...new Set(events.map((e) => String(e.txid)))].filter((t) => !ownCommits.has(t));
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

/**
 * The fetched rows the replica already holds exactly, at the same version: most often this
 * workstation's own push coming back (a Trust-wide review's start: one item per account, issue 13
 * §4). Removing and putting back the same row changes nothing, so they are left as they are. Values
 * are compared strictly: a column whose types differ between the two sides is never taken as equal.
 */
function alreadyHeld(db: Db, table: SyncedTable, found: Row[]): Set<string> {
  const pk = PRIMARY_KEYS[table];
  const local = db.prepare(`SELECT * FROM ${table} WHERE ${pk.map((c) => `"${c}" = ?`).join(' AND ')}`);
  const version = db.prepare<[string, string], { version: number }>(
    'SELECT version FROM row_versions WHERE table_name = ? AND row_key = ?',
  );
  const held = new Set<string>();
  for (const row of found) {
    const key = pk.map((c) => row[c]);
    const keyJson = JSON.stringify(key);
    if (version.get(table, keyJson)?.version !== Number(row[ROW_VERSION])) continue;
    const mine = local.get(...key) as Row | undefined;
    if (mine && Object.keys(row).every((c) => c === ROW_VERSION || mine[c] === row[c])) held.add(keyJson);
  }
  return held;
}

/** Apply fetched rows to the replica (inside the caller's SQLite transaction, nothing captured). */
export function applyChanges(db: Db, pulled: Pulled): number {
  db.pragma('defer_foreign_keys = ON');
  const people = new Set<string>();
  let applied = 0;
  const held = new Map<SyncedTable, Set<string>>();
  for (const table of SYNCED_TABLES) {
    const change = pulled.rows[table];
    if (change) held.set(table, alreadyHeld(db, table, change.found));
  }
  // Remove every affected row first, then put back what the server has: a unique index (REG-4)
  // never sees a half-applied state.
  for (const table of [...SYNCED_TABLES].reverse()) {
    const change = pulled.rows[table];
    if (!change) continue;
    const pk = PRIMARY_KEYS[table];
    const match = pk.map((c) => `"${c}" = ?`).join(' AND ');
    const del = db.prepare(`DELETE FROM ${table} WHERE ${match}`);
    for (const keyJson of change.keys) {
      if (held.get(table)!.has(keyJson)) continue;
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
    const same = held.get(table)!;
    const keys = PRIMARY_KEYS[table];
    insertLocalRows(
      db,
      table,
      change.found.filter((row) => !same.has(JSON.stringify(keys.map((c) => row[c])))),
    );
    applied += change.found.length;
    if (table === 'accounts') for (const row of change.found) people.add(String(row.person_id));
  }
  for (const id of people) refreshSearchTerms(db, id);
  return applied;
}
