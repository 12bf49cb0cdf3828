/**
 * Reading and appending audit events. Appending is only ever done inside the transaction of the
 * change it records (see `Core.transact`), so a change and its audit event commit or fail together.
 */
import type { HostKind } from '../../shared/host-kinds';
import { cached } from './statement-cache';
import type { AuditAction } from '../../shared/audit-actions';
import type { Json } from '../../shared/canonical-json';
import type { AuditEvent } from '../../shared/model';
import type { AuditFilter } from '../../shared/contract/audit';
import { GENESIS_HASH, hashEvent, type AuditContent, type StoredLink, verifyChain } from './audit-chain';
import { eventMessage, signMessage } from './audit-signing';
import type { Db } from './database';

export interface NewAuditEvent {
  action: AuditAction;
  subject?: { type: string; id: string; label: string };
  reason?: string | null;
  instructedBy?: string | null;
  before?: Json | null;
  after?: Json | null;
}

export interface Actor {
  id: string | null;
  name: string | null;
}

/** Where an event is made (issue 12 §5): the workstation and the kind of host serving the core. */
export interface AuditWhere {
  workstation: string;
  host: HostKind;
}

/** An audit event as stored (the push to the Trust register reads the same rows). */
export interface AuditRow {
  seq: number;
  at: string;
  operator_id: string | null;
  operator_name: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  subject_label: string | null;
  reason: string | null;
  instructed_by: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
  signature: string | null;
  /** Null on events written before store step 24 (audit-where) (and absent from a store older than it). */
  workstation?: string | null;
  host?: string | null;
}

function contentOf(row: AuditRow): AuditContent {
  return {
    seq: row.seq,
    at: row.at,
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    subjectLabel: row.subject_label,
    reason: row.reason,
    instructedBy: row.instructed_by,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as Json),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as Json),
    // Only when recorded: an older event's content, and so its hash, is as it was written.
    ...(row.workstation == null ? {} : { workstation: row.workstation }),
    ...(row.host == null ? {} : { host: row.host }),
  };
}

/** An event as the contract gives it: where it was made is null for events older than that record. */
function eventOf(row: AuditRow): AuditEvent {
  return { ...contentOf(row), workstation: row.workstation ?? null, host: row.host ?? null, hash: row.hash };
}

/**
 * Append one event, signed with the acting operator's private key (PKCS#8 DER) over its hash, with
 * where it was made hashed (and so signed) as part of its content.
 */
export function appendAuditEvent(
  db: Db,
  actor: Actor,
  at: Date,
  event: NewAuditEvent,
  signingKey: Buffer,
  where: AuditWhere,
): AuditEvent {
  const head = cached<[], { seq: number; hash: string }>(
    db,
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  ).get();
  const prevHash = head?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    seq: (head?.seq ?? 0) + 1,
    at: at.toISOString(),
    operatorId: actor.id,
    operatorName: actor.name,
    action: event.action,
    subjectType: event.subject?.type ?? null,
    subjectId: event.subject?.id ?? null,
    subjectLabel: event.subject?.label ?? null,
    reason: event.reason ?? null,
    instructedBy: event.instructedBy ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    workstation: where.workstation,
    host: where.host,
  };
  const hash = hashEvent(prevHash, content);
  const signature = signMessage(signingKey, eventMessage(hash));
  cached(
    db,
    `INSERT INTO audit_events (seq, at, operator_id, operator_name, action, subject_type, subject_id,
       subject_label, reason, instructed_by, before_json, after_json, prev_hash, hash, signature,
       workstation, host)
     VALUES (@seq, @at, @operatorId, @operatorName, @action, @subjectType, @subjectId,
       @subjectLabel, @reason, @instructedBy, @before, @after, @prevHash, @hash, @signature,
       @workstation, @host)`,
  ).run({
    ...content,
    before: content.before === null ? null : JSON.stringify(content.before),
    after: content.after === null ? null : JSON.stringify(content.after),
    prevHash,
    hash,
    signature,
  });
  return { ...content, workstation: where.workstation, host: where.host, hash };
}

export function* auditLinks(db: Db): Generator<StoredLink> {
  const rows = cached<[], AuditRow>(db, 'SELECT * FROM audit_events ORDER BY seq').iterate();
  for (const row of rows) {
    yield {
      content: contentOf(row),
      prevHash: row.prev_hash,
      hash: row.hash,
      signature: row.signature ?? null,
    };
  }
}

/** The whole trail's verdict: chain, signatures and triggers (audit-verify.ts). */
export { verifyAuditTrail as verifyAuditChain } from './audit-verify';

/** The hash chain alone; verifyAuditTrail (audit-verify.ts) adds signatures and triggers. */
export function verifyHashChain(db: Db) {
  return verifyChain(auditLinks(db));
}

/** Every event with its hash and signature (the export carries both, so it can be checked offline). */
export function* allAuditEvents(db: Db): Generator<AuditEvent & { signature: string | null }> {
  for (const row of cached<[], AuditRow>(db, 'SELECT * FROM audit_events ORDER BY seq').iterate())
    yield { ...eventOf(row), signature: row.signature ?? null };
}

export function listAuditEvents(db: Db, filter: AuditFilter): { events: AuditEvent[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (filter.text) {
    where.push(
      `(action LIKE @text ESCAPE '\\' OR subject_label LIKE @text ESCAPE '\\' OR reason LIKE @text ESCAPE '\\'
        OR operator_name LIKE @text ESCAPE '\\' OR instructed_by LIKE @text ESCAPE '\\')`,
    );
    params.text = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (filter.action) {
    where.push('action = @action');
    params.action = filter.action;
  }
  if (filter.operatorId) {
    where.push('operator_id = @operatorId');
    params.operatorId = filter.operatorId;
  }
  if (filter.from) {
    where.push('at >= @from');
    params.from = `${filter.from}T00:00:00.000Z`;
  }
  if (filter.to) {
    where.push('at < @to');
    params.to = new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + 86_400_000).toISOString();
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    cached(db, `SELECT count(*) AS n FROM audit_events ${whereSql}`).get(params) as { n: number }
  ).n;
  const pageWhere = filter.beforeSeq
    ? `${whereSql ? `${whereSql} AND` : 'WHERE'} seq < @beforeSeq`
    : whereSql;
  if (filter.beforeSeq) params.beforeSeq = filter.beforeSeq;
  const rows = cached<Record<string, string | number>, AuditRow>(
    db,
    `SELECT * FROM audit_events ${pageWhere} ORDER BY seq DESC LIMIT ${filter.limit ?? 100}`,
  ).all(params);
  return { events: rows.map(eventOf), total };
}

/** A subject's history, newest first, leaving out the given actions (e.g. record views). */
export function auditEventsForSubject(
  db: Db,
  type: string,
  id: string,
  excluding: string[],
  limit = 200,
): AuditEvent[] {
  const placeholders = excluding.map(() => '?').join(', ');
  return cached<unknown[], AuditRow>(
    db,
    `SELECT * FROM audit_events WHERE subject_type = ? AND subject_id = ?
       ${excluding.length ? `AND action NOT IN (${placeholders})` : ''} ORDER BY seq DESC LIMIT ?`,
  )
    .all(type, id, ...excluding, limit)
    .map(eventOf);
}
