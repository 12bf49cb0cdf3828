/** Reading requests and tasks, with each request's blockers and SLA worked out for today. */
import type { Prerequisite } from '../../shared/catalogue';
import { addWorkingDays, slaStatus } from '../../shared/policy/working-days';
import type { AccessRequest, RequestState, Task } from '../../shared/requests';
import type { Db } from './database';

export interface RequestRow {
  id: string;
  reference: string;
  type: AccessRequest['type'];
  person_id: string;
  person_name: string;
  system_id: string;
  system_name: string;
  role: string | null;
  account_kind: AccessRequest['accountKind'];
  account_id: string | null;
  purpose: string;
  purpose_kind: AccessRequest['purposeKind'];
  authorised_by: string | null;
  authorised_on: string | null;
  authorised_how: 'email' | 'form' | 'portal' | null;
  prerequisites_met: string;
  generic_ig_reference: string | null;
  generic_end_date: string | null;
  licence_override_reason: string | null;
  state: RequestState;
  state_note: string | null;
  received_at: string;
  sla_started_on: string | null;
  sla_target_due: string | null;
  sla_interim_due: string | null;
  completed_at: string | null;
}

const SELECT_REQUEST = `SELECT r.*, p.name AS person_name, s.name AS system_name
  FROM requests r JOIN people p ON p.id = r.person_id JOIN systems s ON s.id = r.system_id`;

export function requestRow(db: Db, id: string): RequestRow | undefined {
  return db.prepare<[string], RequestRow>(`${SELECT_REQUEST} WHERE r.id = ?`).get(id);
}

export function requestRows(db: Db, where: string, params: unknown[] = [], limit = 500): RequestRow[] {
  return db
    .prepare<unknown[], RequestRow>(
      `${SELECT_REQUEST} ${where} ORDER BY r.received_at DESC LIMIT ${Math.trunc(limit)}`,
    )
    .all(...params);
}

/** Due dates from the day the authorised request was received (REG-7). */
export function dueDates(startedOn: string, target: number, interim: number, holidays: Set<string>) {
  return {
    targetDue: addWorkingDays(startedOn, target, holidays),
    interimDue: addWorkingDays(startedOn, interim, holidays),
  };
}

export function toRequest(row: RequestRow, today: string, blockers: string[]): AccessRequest {
  const completedOn = row.completed_at ? row.completed_at.slice(0, 10) : null;
  const status = (due: string | null) => {
    if (!due) return 'not-started' as const;
    if (row.state === 'rejected' || row.state === 'withdrawn') return 'not-started' as const;
    return slaStatus(due, today, completedOn);
  };
  return {
    id: row.id,
    reference: row.reference,
    type: row.type,
    personId: row.person_id,
    personName: row.person_name,
    systemId: row.system_id,
    systemName: row.system_name,
    role: row.role,
    accountKind: row.account_kind,
    purpose: row.purpose,
    purposeKind: row.purpose_kind,
    authorisation:
      row.authorised_by && row.authorised_on && row.authorised_how
        ? { by: row.authorised_by, on: row.authorised_on, how: row.authorised_how }
        : null,
    prerequisitesMet: JSON.parse(row.prerequisites_met) as Prerequisite[],
    state: row.state,
    stateNote: row.state_note,
    receivedAt: row.received_at,
    completedAt: row.completed_at,
    blockers,
    sla: {
      startedOn: row.sla_started_on,
      targetDue: row.sla_target_due,
      interimDue: row.sla_interim_due,
      target: status(row.sla_target_due),
      interim: status(row.sla_interim_due),
    },
  };
}

interface TaskRow {
  id: string;
  request_id: string | null;
  person_id: string;
  person_name: string;
  system_id: string;
  system_name: string;
  account_id: string | null;
  action: string;
  new_role: string | null;
  description: string;
  state: 'open' | 'done' | 'cancelled';
  created_at: string;
  done_at: string | null;
}

export type TaskRecord = TaskRow;

const SELECT_TASK = `SELECT t.*, p.name AS person_name, s.name AS system_name
  FROM tasks t JOIN people p ON p.id = t.person_id JOIN systems s ON s.id = t.system_id`;

export function taskRow(db: Db, id: string): TaskRow | undefined {
  return db.prepare<[string], TaskRow>(`${SELECT_TASK} WHERE t.id = ?`).get(id);
}

export function taskRows(db: Db, where: string, params: unknown[] = [], limit = 1000): TaskRow[] {
  return db
    .prepare<unknown[], TaskRow>(`${SELECT_TASK} ${where} ORDER BY t.created_at LIMIT ${Math.trunc(limit)}`)
    .all(...params);
}

export function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    requestId: row.request_id,
    personId: row.person_id,
    personName: row.person_name,
    systemId: row.system_id,
    systemName: row.system_name,
    action: row.action,
    description: row.description,
    state: row.state === 'done' ? 'done' : 'open',
    createdAt: row.created_at,
    doneAt: row.done_at,
  };
}
