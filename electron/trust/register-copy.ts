/**
 * Whole-register copies between a workstation's store and the Trust register: up, once, when the
 * first workstation sets up an empty register; down, when a workstation joins (the first sync).
 * Rows travel unchanged: the two schemas have the same columns (schema-parity test).
 */
import type pg from 'pg';
import type { Db } from '../store/database';
import { refreshSearchTerms } from '../store/people-queries';
import { PRIMARY_KEYS, ROW_VERSION, SYNCED_TABLES, type SyncedTable } from './synced-tables';

export type Row = Record<string, unknown>;
export type RegisterRows = Record<SyncedTable, Row[]>;

const BATCH = 5_000;

function localColumns(db: Db, table: SyncedTable): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map(
    (c) => c.name,
  );
}

export function readLocalRegister(db: Db): RegisterRows {
  const out = {} as RegisterRows;
  for (const table of SYNCED_TABLES) out[table] = db.prepare(`SELECT * FROM ${table}`).all() as Row[];
  return out;
}

/** Insert rows into the server's table in batches (inside the caller's transaction). */
export async function insertServerRows(client: pg.Client, table: SyncedTable, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== ROW_VERSION);
  const list = columns.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    await client.query(
      `INSERT INTO gatehouse.${table} (${list})
       SELECT ${list} FROM jsonb_populate_recordset(NULL::gatehouse.${table}, $1::jsonb)`,
      [JSON.stringify(rows.slice(i, i + BATCH))],
    );
  }
}

export async function uploadRegister(client: pg.Client, rows: RegisterRows): Promise<number> {
  let count = 0;
  for (const table of SYNCED_TABLES) {
    await insertServerRows(client, table, rows[table]);
    count += rows[table].length;
  }
  return count;
}

/** Every row of the register, as of one snapshot (REPEATABLE READ), with the chain head it matches. */
export async function downloadRegister(
  client: pg.Client,
  columnsOf: (table: SyncedTable) => string[],
): Promise<{ rows: RegisterRows; head: number; headHash: string | null }> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const head = await client.query<{ seq: string; hash: string }>(
      'SELECT seq, hash FROM gatehouse.events ORDER BY seq DESC LIMIT 1',
    );
    const rows = {} as RegisterRows;
    for (const table of SYNCED_TABLES) {
      const list = [...columnsOf(table), ROW_VERSION].map((c) => `"${c}"`).join(', ');
      rows[table] = (await client.query(`SELECT ${list} FROM gatehouse.${table}`)).rows as Row[];
    }
    await client.query('COMMIT');
    return { rows, head: Number(head.rows[0]?.seq ?? 0), headHash: head.rows[0]?.hash ?? null };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export function localColumnsOf(db: Db): (table: SyncedTable) => string[] {
  return (table) => localColumns(db, table);
}

/** Insert server rows (row_version split off into row_versions) into a local table. */
export function insertLocalRows(db: Db, table: SyncedTable, data: Row[]): void {
  if (data.length === 0) return;
  const columns = Object.keys(data[0]!).filter((c) => c !== ROW_VERSION);
  const insert = db.prepare(
    `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const version = db.prepare(
    'INSERT INTO row_versions (table_name, row_key, version) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET version = excluded.version',
  );
  for (const row of data) {
    const { [ROW_VERSION]: v, ...values } = row;
    insert.run(values);
    version.run(table, JSON.stringify(PRIMARY_KEYS[table].map((k) => row[k])), Number(v ?? 1));
  }
}

/**
 * Replace the local register with the server's (inside the caller's SQLite transaction). Foreign
 * keys are checked at commit, so tables can be emptied and refilled in any order.
 */
export function replaceLocalRegister(db: Db, rows: RegisterRows): void {
  db.pragma('defer_foreign_keys = ON');
  for (const table of [...SYNCED_TABLES].reverse()) db.prepare(`DELETE FROM ${table}`).run();
  db.prepare('DELETE FROM row_versions').run();
  for (const table of SYNCED_TABLES) insertLocalRows(db, table, rows[table]);
  db.prepare('DELETE FROM people_search').run();
  for (const person of rows.people) refreshSearchTerms(db, String(person.id));
}

/** After this store set up the register, every row is at the server's first version. */
export function recordFirstVersions(db: Db, rows: RegisterRows): void {
  const version = db.prepare(
    'INSERT OR REPLACE INTO row_versions (table_name, row_key, version) VALUES (?, ?, 1)',
  );
  for (const table of SYNCED_TABLES) {
    for (const row of rows[table]) version.run(table, JSON.stringify(PRIMARY_KEYS[table].map((k) => row[k])));
  }
}
