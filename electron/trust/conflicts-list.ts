/**
 * The Conflicts list as an operator reads it (issue 11 §2): who gave the command, my action in words
 * (from the audit events it wrote here), the record it concerns, what others did to that record
 * since (recorded when the register refused it), the existing record for a duplicate, and the choices.
 */
import { AUDIT_ACTION_LABELS, type AuditAction } from '../../shared/audit-actions';
import type { ConflictChoice, SyncConflict } from '../../shared/contract/sync';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import type { LinkedId, RecordRef, SinceEvent } from './refusals';

export interface ConflictRow {
  id: number;
  channel: string;
  input_json: string;
  operator_id: string;
  operator_name: string | null;
  created_at: string;
  problem: string | null;
  first_seq: number | null;
  record_json: string | null;
  existing_json: string | null;
  since_json: string | null;
  links_json: string | null;
}

const SELECT = `SELECT o.id, o.channel, o.input_json, o.operator_id, op.name AS operator_name, o.created_at, o.problem,
  o.first_seq, o.record_json, o.existing_json, o.since_json, o.links_json
  FROM outbox o LEFT JOIN operators op ON op.id = o.operator_id WHERE o.state = 'conflict'`;

const parsed = <T>(json: string | null, fallback: T): T =>
  json ? ((JSON.parse(json) as T) ?? fallback) : fallback;

export const linksOf = (row: ConflictRow): LinkedId[] => parsed<LinkedId[]>(row.links_json, []);
export const recordOf = (row: ConflictRow): RecordRef | null =>
  parsed<RecordRef | null>(row.record_json, null);
export const existingOf = (row: ConflictRow): RecordRef | null =>
  parsed<RecordRef | null>(row.existing_json, null);

function summaryOf(db: Db, row: ConflictRow): string {
  const first = db
    .prepare<[number], { action: string; subject_label: string | null }>(
      'SELECT action, subject_label FROM audit_events WHERE seq = ?',
    )
    .get(row.first_seq ?? -1);
  if (!first) return row.channel;
  const words = AUDIT_ACTION_LABELS[first.action as AuditAction] ?? first.action;
  return first.subject_label ? `${words}: ${first.subject_label}` : words;
}

/**
 * The command as a person reads it: a new operator's SCRAM verifier stays in the outbox (the push
 * makes their login from it) but is never shown, since it could be attacked offline.
 */
function shown(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('passphraseVerifier' in input)) return input;
  const rest: Record<string, unknown> = { ...input };
  delete rest.passphraseVerifier;
  return rest;
}

function present(db: Db, row: ConflictRow): SyncConflict {
  const existing = existingOf(row);
  // A duplicate is linked or discarded: applying it again would meet the same record (REG-4).
  const choices: ConflictChoice[] = existing ? ['discard', 'link'] : ['discard', 'apply'];
  return {
    id: row.id,
    channel: row.channel,
    input: shown(JSON.parse(row.input_json) as unknown),
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    at: row.created_at,
    problem: row.problem,
    summary: summaryOf(db, row),
    record: recordOf(row),
    since: parsed<SinceEvent[]>(row.since_json, []),
    existing,
    choices,
  };
}

export function conflictRows(db: Db): ConflictRow[] {
  return db.prepare<[], ConflictRow>(`${SELECT} ORDER BY o.id`).all();
}

export function listConflicts(db: Db): SyncConflict[] {
  return conflictRows(db).map((row) => present(db, row));
}

/** One waiting conflict, or a sentence saying it is gone. */
export function waitingConflict(db: Db, id: number): ConflictRow {
  const row = db.prepare<[number], ConflictRow>(`${SELECT} AND o.id = ?`).get(id);
  if (!row) {
    throw new GatehouseError(
      'NOT_FOUND',
      'That conflict is no longer waiting (it has been decided already): look at the Conflicts list again.',
    );
  }
  return row;
}
