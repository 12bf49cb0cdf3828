/** Looking up an account with its person and system, and raising the task to act on it in the system. */
import { cached } from '../store/statement-cache';
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { overtakenBecause } from '../../shared/policy/contradicting-tasks';
import type { AuditWriter } from '../service-context';

export interface AccountContext {
  id: string;
  person_id: string;
  person_name: string;
  system_id: string;
  system_name: string;
  deletion_allowed: number;
  role: string;
  kind: string;
  status: string;
}

export function accountContext(db: Db, accountId: string): AccountContext {
  const row = cached<[string], AccountContext>(
    db,
    `SELECT a.id, a.person_id, p.name AS person_name, a.system_id, s.name AS system_name, s.deletion_allowed, a.role, a.kind, a.status
       FROM accounts a JOIN people p ON p.id = a.person_id JOIN systems s ON s.id = a.system_id WHERE a.id = ?`,
  ).get(accountId);
  if (!row) throw new GatehouseError('NOT_FOUND', 'That account is not in the register. Refresh the page.');
  return row;
}

export function liveAccounts(db: Db, personId: string): AccountContext[] {
  return cached<[string], { id: string }>(
    db,
    `SELECT id FROM accounts WHERE person_id = ? AND status IN ('pending', 'active', 'suspended')`,
  )
    .all(personId)
    .map((r) => accountContext(db, r.id));
}

/** The open downtime incident of a system, if it is down now (DT-1). */
export function openIncident(db: Db, systemId: string): string | null {
  const row = cached<[string], { id: string }>(
    db,
    'SELECT id FROM downtime_incidents WHERE system_id = ? AND ended_at IS NULL',
  ).get(systemId);
  return row?.id ?? null;
}

/**
 * Inside a transaction: cancel the open tasks on the account that the new task overtakes (a
 * reactivation overtakes a suspension not yet carried out...), each with its reason, audited.
 */
function cancelOvertakenTasks(
  db: Db,
  task: { accountId: string | null; action: string; personId: string },
  audit: AuditWriter,
): void {
  if (!task.accountId) return;
  const open = cached<[string], { id: string; action: string; description: string; person_name: string }>(
    db,
    `SELECT t.id, t.action, t.description, p.name AS person_name FROM tasks t JOIN people p ON p.id = t.person_id
      WHERE t.account_id = ? AND t.state = 'open' ORDER BY t.created_at`,
  ).all(task.accountId);
  for (const earlier of open) {
    const because = overtakenBecause(task.action, earlier.action);
    if (!because) continue;
    cached(db, `UPDATE tasks SET state = 'cancelled', details = ? WHERE id = ?`).run(
      JSON.stringify({ cancelled: because }),
      earlier.id,
    );
    audit({
      action: 'task.cancelled',
      subject: { type: 'person', id: task.personId, label: earlier.person_name },
      reason: `Cancelled: ${because}`,
      before: { task: earlier.description, state: 'open' },
      after: { task: earlier.description, state: 'cancelled' },
    });
  }
}

/**
 * Raise the administrator's task; one raised while its system is down joins the reconciliation list.
 * Open tasks on the same account that it contradicts are cancelled first, and audited.
 */
export function raiseAccountTask(
  db: Db,
  task: {
    personId: string;
    systemId: string;
    accountId: string | null;
    action: string;
    description: string;
    newRole?: string | null;
    requestId?: string | null;
  },
  now: string,
  audit: AuditWriter,
): void {
  cancelOvertakenTasks(db, task, audit);
  cached(
    db,
    `INSERT INTO tasks (id, request_id, person_id, system_id, account_id, action, new_role, description, state, created_at, incident_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
  ).run(
    randomUUID(),
    task.requestId ?? null,
    task.personId,
    task.systemId,
    task.accountId,
    task.action,
    task.newRole ?? null,
    task.description,
    now,
    openIncident(db, task.systemId),
  );
}
