/**
 * A command the register refused (issue 11 §2): what it concerns, recorded while my rows and the
 * register are both at hand (the record, the one it duplicates, what others did to it since this
 * workstation last saw it), and then the replica put back to what the register holds for every row
 * it changed, so replicas end equal to the server while the command waits in Conflicts with its input.
 */
import type pg from 'pg';
import type { RecordRef, SinceEvent } from '../../shared/contract/sync';
import type { Db } from '../store/database';
import { applyChanges, fetchRows, type Pulled } from './pull';
import type { SyncedTable } from './synced-tables';

export type { RecordRef, SinceEvent };

/** A pair of ids a link maps: my duplicate and the register's record it duplicates. */
export type LinkedId = {
  table: SyncedTable;
  mine: string;
  theirs: string;
};

export interface Refusal {
  outboxId: number;
  problem: string;
  /** 'replay': a removal to run again once the replica holds the colleague's change. */
  state: 'conflict' | 'replay';
  changes: { table_name: SyncedTable; row_key: string }[];
  record: RecordRef | null;
  existing: RecordRef | null;
  since: SinceEvent[];
  links: LinkedId[];
}

type Row = Record<string, unknown>;

const LIVE = `status IN ('pending', 'active', 'suspended')`;

function localRow(db: Db, table: SyncedTable, id: string): Row | undefined {
  return db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
}

/** A record as an operator reads it: a person by name, an account as "Grace Hopper’s RiO account". */
export function labelOf(db: Db, table: SyncedTable, row: Row): RecordRef {
  const id = String(row.id);
  if (table === 'accounts') {
    const person = localRow(db, 'people', String(row.person_id))?.name ?? 'someone';
    const system = localRow(db, 'systems', String(row.system_id))?.name ?? String(row.system_id);
    return { type: 'account', id, label: `${String(person)}’s ${String(system)} account` };
  }
  if (table === 'people') return { type: 'person', id, label: String(row.name) };
  return { type: table.replace(/s$/, ''), id, label: id };
}

/** The register's row that one of my new rows duplicates (REG-4, or a person's unique number). */
async function duplicateOf(client: pg.Client, table: SyncedTable, mine: Row): Promise<Row | undefined> {
  if (table === 'accounts') {
    const { rows } = await client.query(
      `SELECT * FROM gatehouse.accounts WHERE person_id = $1 AND system_id = $2 AND kind = $3 AND ${LIVE} AND id <> $4`,
      [mine.person_id, mine.system_id, mine.kind, mine.id],
    );
    return rows[0] as Row | undefined;
  }
  if (table === 'people') {
    const { rows } = await client.query(
      `SELECT * FROM gatehouse.people WHERE id <> $1 AND (employee_number = $2 OR smartcard_uuid = $3)`,
      [mine.id, mine.employee_number, mine.smartcard_uuid],
    );
    return rows[0] as Row | undefined;
  }
  return undefined;
}

/** For a duplicate account, my request and task for it map to the register's request and task for its own. */
async function followingLinks(client: pg.Client, db: Db, mine: string, theirs: string): Promise<LinkedId[]> {
  const links: LinkedId[] = [];
  for (const table of ['requests', 'tasks'] as const) {
    const my = db.prepare(`SELECT id FROM ${table} WHERE account_id = ?`).get(mine) as
      { id: string } | undefined;
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM gatehouse.${table} WHERE account_id = $1 ORDER BY id LIMIT 1`,
      [theirs],
    );
    if (my && rows[0]) links.push({ table, mine: my.id, theirs: rows[0].id });
  }
  return links;
}

interface Describing {
  outboxId: number;
  firstSeq: number | null;
  lastSeq: number | null;
  changes: { table_name: SyncedTable; row_key: string }[];
  /** The constraint's table, for a unique violation (PostgreSQL's 23505). */
  duplicateTable: string | null;
}

/** Record what a refused command concerns, before its rows are put back (they are still mine here). */
export async function describeRefusal(
  db: Db,
  client: pg.Client,
  workstationId: string,
  cursor: number,
  command: Describing,
): Promise<Pick<Refusal, 'record' | 'existing' | 'since' | 'links'>> {
  const events = db
    .prepare<
      [number, number],
      { subject_type: string | null; subject_id: string | null; subject_label: string | null }
    >(
      'SELECT subject_type, subject_id, subject_label FROM audit_events WHERE seq >= ? AND seq <= ? ORDER BY seq',
    )
    .all(command.firstSeq ?? 0, command.lastSeq ?? -1);
  const first = events.find((e) => e.subject_id !== null);
  let record: RecordRef | null = first
    ? {
        type: first.subject_type ?? 'record',
        id: first.subject_id!,
        label: first.subject_label ?? first.subject_id!,
      }
    : null;
  let existing: RecordRef | null = null;
  const links: LinkedId[] = [];
  if (command.duplicateTable === 'accounts' || command.duplicateTable === 'people') {
    const table = command.duplicateTable;
    for (const change of command.changes.filter((c) => c.table_name === table)) {
      const mine = localRow(db, table, String((JSON.parse(change.row_key) as unknown[])[0]));
      const theirs = mine && (await duplicateOf(client, table, mine));
      if (!mine || !theirs) continue;
      record = labelOf(db, table, mine);
      existing = labelOf(db, table, theirs);
      links.push({ table, mine: record.id, theirs: existing.id });
      if (table === 'accounts') links.push(...(await followingLinks(client, db, record.id, existing.id)));
      break;
    }
  }
  const ids = [
    ...new Set([...events.map((e) => e.subject_id), existing?.id].filter((i): i is string => !!i)),
  ];
  const { rows } = await client.query<{
    at: string;
    operator_name: string | null;
    action: string;
    subject_label: string | null;
  }>(
    `SELECT at, operator_name, action, subject_label FROM gatehouse.events
     WHERE seq > $1 AND subject_id = ANY($2) AND workstation_id IS DISTINCT FROM $3 ORDER BY seq`,
    [cursor, ids, workstationId],
  );
  const since = rows.map((r) => ({
    at: String(r.at),
    operatorName: r.operator_name,
    action: r.action,
    label: r.subject_label ?? '',
  }));
  return { record, existing, since, links };
}

/**
 * Put every row the refused commands changed back to what the register holds (rows only I created
 * are removed), and move the commands to Conflicts (or replay), in one SQLite transaction with the
 * foreign keys checked at its end; nothing here is captured as a change of mine.
 */
export async function restoreRefused(db: Db, client: pg.Client, refusals: Refusal[]): Promise<void> {
  if (refusals.length === 0) return;
  const keys = new Map<SyncedTable, Set<string>>();
  for (const r of refusals) {
    for (const c of r.changes) keys.set(c.table_name, (keys.get(c.table_name) ?? new Set()).add(c.row_key));
  }
  const pulled: Pulled = { events: 0, head: null, rows: {} };
  for (const [table, set] of keys) {
    const list = [...set];
    pulled.rows[table] = {
      keys: list,
      found: await fetchRows(
        client,
        table,
        list.map((k) => JSON.parse(k) as unknown[]),
      ),
    };
  }
  const mark = db.prepare(
    `UPDATE outbox SET state = ?, problem = ?, record_json = ?, existing_json = ?, since_json = ?, links_json = ? WHERE id = ?`,
  );
  db.transaction(() => {
    applyChanges(db, pulled);
    for (const r of refusals) {
      mark.run(
        r.state,
        r.problem,
        JSON.stringify(r.record),
        JSON.stringify(r.existing),
        JSON.stringify(r.since),
        JSON.stringify(r.links),
        r.outboxId,
      );
    }
  })();
}
