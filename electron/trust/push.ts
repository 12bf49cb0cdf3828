/**
 * Push: each queued command in order, one PostgreSQL transaction each: its rows with compare-and-set
 * on the server's row_version, this workstation's audit events anchored in the Trust chain (naming
 * the workstation, local seq and hash), and the command id, so a retried push does nothing. A
 * compare-and-set that fails leaves the command in the Conflicts list rather than lost or forced.
 */
import type { AuditRow } from '../store/audit-log';
import type pg from 'pg';
import type { Db } from '../store/database';
import { TrustIntegrityAlarm } from './integrity-alarm';
import { describeRefusal, type Refusal, restoreRefused } from './refusals';
import { type LocalState, localState, localStatesOf } from './local-state';
import { insertServerRows, type Row } from './register-copy';
import { operatorLogin } from './scram-verifier';
import { PRIMARY_KEYS, SYNCED_TABLES, type SyncedTable } from './synced-tables';
import { readTrustLink } from './trust-state';

interface OutboxRow {
  id: number;
  command_id: string;
  channel: string;
  input_json: string;
  first_seq: number | null;
  last_seq: number | null;
}

type LocalEvent = Omit<AuditRow, 'prev_hash'>;

class CasFailed extends Error {}

const where = (table: SyncedTable, from: number) =>
  PRIMARY_KEYS[table].map((c, i) => `"${c}" = $${from + i}`).join(' AND ');

/** Where the server's anchoring of this workstation's chain ends, checking it has not forked. */
async function anchoredUpTo(db: Db, client: pg.Client, workstationId: string): Promise<number> {
  const { rows } = await client.query<{ local_seq: string; local_hash: string }>(
    `SELECT local_seq, local_hash FROM gatehouse.events WHERE workstation_id = $1 ORDER BY local_seq DESC LIMIT 1`,
    [workstationId],
  );
  const last = rows[0];
  if (!last) return 0;
  const seq = Number(last.local_seq);
  const mine = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_events WHERE seq = ?').get(seq);
  if (mine?.hash !== last.local_hash) {
    throw new TrustIntegrityAlarm(
      `This workstation's audit chain no longer matches what the Trust register holds for it (event ${seq}): it may have been restored from an old backup or altered. It is not synced; ask an administrator to investigate.`,
    );
  }
  return seq;
}

/**
 * The statements that anchor this workstation's events in the Trust chain, each through
 * append_event, for the same round trip as the COMMIT (see pushQueued).
 */
function anchorStatements(
  client: pg.Client,
  db: Db,
  workstationId: string,
  after: number,
  upTo: number,
  commandId: string | null,
): string {
  const events = db
    .prepare<[number, number], LocalEvent>(
      'SELECT * FROM audit_events WHERE seq > ? AND seq <= ? ORDER BY seq',
    )
    .all(after, upTo);
  return events
    .map((e) => {
      const event = JSON.stringify({
        workstation_id: workstationId,
        local_seq: e.seq,
        local_hash: e.hash,
        // The operator's signature goes with the event, so the Trust register holds the evidence.
        local_signature: e.signature,
        // Where it was made, as hashed and signed there (issue 12 §5); null on older events.
        local_workstation: e.workstation ?? null,
        local_host: e.host ?? null,
        command_id: commandId,
        at: e.at,
        operator_id: e.operator_id,
        operator_name: e.operator_name,
        action: e.action,
        subject_type: e.subject_type,
        subject_id: e.subject_id,
        subject_label: e.subject_label,
        reason: e.reason,
        instructed_by: e.instructed_by,
        before_json: e.before_json,
        after_json: e.after_json,
      });
      return `SELECT gatehouse.append_event(${client.escapeLiteral(event)}::jsonb); `;
    })
    .join('');
}

/** Send one captured row's current local state; returns its new server version (null: deleted). */
async function sendRow(
  client: pg.Client,
  table: SyncedTable,
  key: unknown[],
  { local, expected }: LocalState,
): Promise<number | null> {
  const keyJson = JSON.stringify(key);
  if (!local) {
    if (expected === undefined) return null;
    const gone = await client.query(
      `DELETE FROM gatehouse.${table} WHERE ${where(table, 1)} AND row_version = $${key.length + 1}`,
      [...key, expected],
    );
    if (gone.rowCount === 0)
      throw new CasFailed(`${table} ${keyJson} was changed or removed on the Trust register first.`);
    return null;
  }
  const columns = Object.keys(local);
  const values = columns.map((c) => local[c]);
  if (expected === undefined) {
    const { rows } = await client.query<{ row_version: string }>(
      `INSERT INTO gatehouse.${table} (${columns.map((c) => `"${c}"`).join(', ')})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING row_version`,
      values,
    );
    return Number(rows[0]!.row_version);
  }
  const { rows } = await client.query<{ row_version: string }>(
    `UPDATE gatehouse.${table} SET ${columns.map((c, i) => `"${c}" = $${i + 1}`).join(', ')}
     WHERE ${where(table, columns.length + 1)} AND row_version = $${columns.length + key.length + 1}
     RETURNING row_version`,
    [...values, ...key, expected],
  );
  if (rows.length === 0)
    throw new CasFailed(
      `${table} ${keyJson} was changed on the Trust register since this workstation last saw it.`,
    );
  return Number(rows[0]!.row_version);
}

/** operators:add: the new operator's own login, made from the verifier kept in place of their passphrase. */
async function prepareLogin(client: pg.Client, db: Db, entry: OutboxRow, operatorId: string): Promise<void> {
  const input = JSON.parse(entry.input_json) as { passphraseVerifier?: string; role?: string };
  if (entry.channel !== 'operators:add' || !input.passphraseVerifier || !input.role) return;
  const login = operatorLogin(operatorId);
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [login]);
  if (exists.rowCount === 0) {
    await client.query('SELECT gatehouse.create_operator_login($1, $2, $3)', [
      login,
      input.passphraseVerifier,
      input.role,
    ]);
  }
  db.prepare('UPDATE operators SET login = ? WHERE id = ? AND login IS NULL').run(login, operatorId);
}

/** Revoked: the login can no longer sign in; a new role: it moves to that role's group. */
async function syncLogin(client: pg.Client, db: Db, operatorId: string): Promise<void> {
  const row = db
    .prepare<[string], { login: string | null; role: string; status: string }>(
      'SELECT login, role, status FROM operators WHERE id = ?',
    )
    .get(operatorId);
  if (!row?.login || !row.login.startsWith('gh_')) return;
  await client.query('SELECT gatehouse.set_operator_login($1, $2, $3)', [
    row.login,
    row.role,
    row.status === 'active',
  ]);
}

/** Commands that only remove access (suspend, de-register, leavers): never held back by a colleague's change. */
export const REMOVAL_ONLY = new Set([
  'suspensions:suspend',
  'accounts:deregister',
  'people:deregisterLeaver',
  'leavers:apply',
]);

/** REG-10: an override the rules allowed here (an administrator's reason) is the register's override too. */
function licenceOverride(entry: OutboxRow, lit: (v: string) => string): string {
  const reason = (JSON.parse(entry.input_json) as { licenceOverrideReason?: unknown }).licenceOverrideReason;
  return typeof reason === 'string' && reason !== ''
    ? `; SET LOCAL gatehouse.licence_override = ${lit(reason)}`
    : '';
}

/** The commands refused in this push, and what later commands must not build on. */
class Refused {
  readonly all: Refusal[] = [];
  private readonly keys = new Map<string, number>();
  private readonly created = new Map<string, number>();

  constructor(private readonly db: Db) {}

  add(refusal: Refusal): void {
    this.all.push(refusal);
    const onServer = this.db.prepare('SELECT 1 FROM row_versions WHERE table_name = ? AND row_key = ?');
    for (const c of refusal.changes) {
      this.keys.set(`${c.table_name} ${c.row_key}`, refusal.outboxId);
      const key = JSON.parse(c.row_key) as unknown[];
      // Records with an id of their own (people, accounts, requests...) that only the refused command made.
      if (key.length === 1 && typeof key[0] === 'string' && !onServer.get(c.table_name, c.row_key)) {
        this.created.set(key[0], refusal.outboxId);
      }
    }
  }

  /** The refused command this one builds on (a row they share, or a record only the refused one created). */
  builtOn(inputJson: string, changes: { table_name: string; row_key: string }[]): number | null {
    for (const c of changes) {
      const id = this.keys.get(`${c.table_name} ${c.row_key}`);
      if (id !== undefined) return id;
    }
    for (const [created, id] of this.created) if (inputJson.includes(created)) return id;
    return null;
  }
}

export interface PushResult {
  pushed: number;
  conflicts: number;
  /** The register transactions this push committed: the pull that follows need not read their rows back. */
  committed: Set<string>;
}

export async function pushQueued(db: Db, client: pg.Client, workstationId: string): Promise<PushResult> {
  let anchored = await anchoredUpTo(db, client, workstationId);
  const result: PushResult = { pushed: 0, conflicts: 0, committed: new Set() };
  const queued = db
    .prepare<[], OutboxRow>(
      `SELECT id, command_id, channel, input_json, first_seq, last_seq FROM outbox WHERE state = 'queued' ORDER BY id`,
    )
    .all();
  const cursor = readTrustLink(db)?.cursor ?? 0;
  const held = new Refused(db);
  for (const entry of queued) {
    const changes = db
      .prepare<[number], { table_name: SyncedTable; row_key: string }>(
        'SELECT table_name, row_key FROM captured_changes WHERE outbox_id = ?',
      )
      .all(entry.id);
    const builtOn = held.builtOn(entry.input_json, changes);
    if (builtOn !== null) {
      // A later command on a record whose own creation or change was refused cannot go up alone.
      const problem = `It builds on a record whose own creation or change conflicted (#${builtOn}): resolve that one first, then apply this one again.`;
      const details = await describeRefusal(db, client, workstationId, cursor, {
        outboxId: entry.id,
        firstSeq: entry.first_seq,
        lastSeq: entry.last_seq,
        changes,
        duplicateTable: null,
      });
      held.add({ outboxId: entry.id, problem, state: 'conflict', changes, ...details });
      result.conflicts += 1;
      continue;
    }
    const versions: { table: string; key: string; version: number | null }[] = [];
    let txid: string | null = null;
    try {
      // One round trip opens the transaction and claims the command id; a retried push finds it taken.
      const lit = (v: string) => client.escapeLiteral(v);
      const claimed = (await client.query(
        `BEGIN; INSERT INTO gatehouse.applied_commands (command_id, workstation_id, channel)
         VALUES (${lit(entry.command_id)}, ${lit(workstationId)}, ${lit(entry.channel)})
         ON CONFLICT (command_id) DO NOTHING RETURNING 1${licenceOverride(entry, lit)};
         SELECT txid_current()::text AS txid`,
      )) as unknown as pg.QueryResult<{ txid?: string }>[];
      let appends = '';
      if (claimed[1]?.rowCount === 1) {
        txid = claimed.at(-1)!.rows[0]!.txid!;
        // Rows new to the register go up table by table in batches after the rest (a Trust-wide
        // review's start makes one per account, about 370,000: row by row that took minutes); every
        // foreign key on the register is checked at commit, so only the triggers ask for an order.
        const fresh = new Map<SyncedTable, { keys: string[]; rows: Row[] }>();
        const states = new Map<SyncedTable, Map<string, LocalState>>();
        for (const change of changes) {
          const key = JSON.parse(change.row_key) as unknown[];
          const operator = change.table_name === 'operators';
          // A new operator's login is made first: the row that goes up names it.
          if (operator) await prepareLogin(client, db, entry, String(key[0]));
          let state: LocalState;
          if (operator) state = localState(db, change.table_name, key);
          else {
            // Each table's rows read once for the command, not two look-ups a row (issue 13 §4).
            let table = states.get(change.table_name);
            if (!table)
              states.set(change.table_name, (table = localStatesOf(db, entry.id, change.table_name)));
            state = table.get(change.row_key)!;
          }
          if (!operator && state.local && state.expected === undefined) {
            const batch = fresh.get(change.table_name) ?? { keys: [], rows: [] };
            batch.keys.push(change.row_key);
            batch.rows.push(state.local);
            fresh.set(change.table_name, batch);
            continue;
          }
          const version = await sendRow(client, change.table_name, key, state);
          versions.push({ table: change.table_name, key: change.row_key, version });
          if (operator) await syncLogin(client, db, String(key[0]));
        }
        // In the register's own table order (people before accounts, allocations before both): the
        // REG-10 trigger on accounts reads the person's organisation as the account goes in.
        for (const table of SYNCED_TABLES) {
          const batch = fresh.get(table);
          if (!batch) continue;
          await insertServerRows(client, table, batch.rows);
          for (const key of batch.keys) versions.push({ table, key, version: 1 });
        }
        appends = anchorStatements(
          client,
          db,
          workstationId,
          anchored,
          entry.last_seq ?? anchored,
          entry.command_id,
        );
      }
      // The events and the COMMIT in one round trip: the first append takes the chain's lock, held
      // until commit (issue 11 §5), so no other workstation's push waits on this one's network.
      // A refused append stops the rest, the COMMIT too, and the catch below rolls back (REP-3).
      await client.query(`${appends}COMMIT`);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const refused =
        error instanceof CasFailed ||
        (error as { code?: string }).code?.startsWith('23') ||
        (error as { code?: string }).code === '42501';
      if (!refused) throw error;
      // Removing access goes ahead even over a colleague's later change: re-run after the pull.
      const replay = error instanceof CasFailed && REMOVAL_ONLY.has(entry.channel);
      const details = await describeRefusal(db, client, workstationId, cursor, {
        outboxId: entry.id,
        firstSeq: entry.first_seq,
        lastSeq: entry.last_seq,
        changes,
        duplicateTable:
          (error as { code?: string }).code === '23505'
            ? ((error as { table?: string }).table ?? null)
            : null,
      });
      held.add({
        outboxId: entry.id,
        problem: (error as Error).message,
        state: replay ? 'replay' : 'conflict',
        changes,
        ...details,
      });
      result.conflicts += 1;
      continue;
    }
    anchored = Math.max(anchored, entry.last_seq ?? anchored);
    // Its rows are as sent and at the versions recorded below (only row_version changes on the register).
    if (txid !== null) result.committed.add(txid);
    db.transaction(() => {
      db.prepare(`UPDATE outbox SET state = 'pushed' WHERE id = ?`).run(entry.id);
      const set = db.prepare(
        'INSERT INTO row_versions (table_name, row_key, version) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET version = excluded.version',
      );
      const drop = db.prepare('DELETE FROM row_versions WHERE table_name = ? AND row_key = ?');
      for (const v of versions) {
        if (v.version === null) drop.run(v.table, v.key);
        else set.run(v.table, v.key, v.version);
      }
    })();
    result.pushed += 1;
  }
  // The replica goes back to what the register holds for every row a refused command changed.
  await restoreRefused(db, client, held.all);
  // Events of commands that changed no synced row (and of refused ones) are anchored too.
  const head = (db.prepare('SELECT coalesce(max(seq), 0) AS s FROM audit_events').get() as { s: number }).s;
  if (head > anchored) {
    await client.query('BEGIN');
    try {
      await client.query(`${anchorStatements(client, db, workstationId, anchored, head, null)}COMMIT`);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // An auditor may not write to the chain: their events go up with the next writer's sync.
      if ((error as { code?: string }).code !== '42501') throw error;
    }
  }
  return result;
}
