/**
 * Moving a request on: every change re-runs the registration rules against the store as it is now,
 * then writes the new state, starts the SLA clock once the request is authorised (REG-7), and when
 * it is ready raises the task for the administrator and, for a new user, the pending account (REG-6).
 */
import type { AuditAction } from '../../shared/audit-actions';
import { randomUUID } from 'node:crypto';
import { evaluateRequest } from '../../shared/policy/registration-rules';
import { londonDate } from '../../shared/policy/working-days';
import type { AccessRequest } from '../../shared/requests';
import type { AuditWriter, ServiceContext } from '../service-context';
import { bankHolidaySet } from '../store/catalogue-queries';
import { GatehouseError } from '../store/errors';
import { dueDates, requestRow, type RequestRow, toRequest } from '../store/request-queries';
import { requireSystem } from './catalogue';
import { raiseAccountTask } from './account-tasks';
import { requirePerson } from './people';
import { gatherFacts, type RequestDraft, targetAccount } from './request-facts';

export function draftOf(row: RequestRow): RequestDraft {
  return {
    type: row.type,
    role: row.role,
    accountKind: row.account_kind,
    purposeKind: row.purpose_kind,
    authorisation:
      row.authorised_by && row.authorised_on && row.authorised_how
        ? { by: row.authorised_by, on: row.authorised_on, how: row.authorised_how }
        : null,
    prerequisitesMet: JSON.parse(row.prerequisites_met),
    genericIgReference: row.generic_ig_reference,
    genericEndDate: row.generic_end_date,
    licenceOverrideReason: row.licence_override_reason,
  };
}

export function today(ctx: ServiceContext): string {
  return londonDate(ctx.clock.now());
}

export function evaluate(ctx: ServiceContext, personId: string, systemId: string, draft: RequestDraft) {
  const db = ctx.db();
  return evaluateRequest(
    gatherFacts(db, requireSystem(db, systemId), requirePerson(db, personId), draft, today(ctx)),
  );
}

/** The request as the screens show it: with its current blockers and SLA standing. */
export function presentRequest(ctx: ServiceContext, id: string): AccessRequest {
  const row = requestRow(ctx.db(), id);
  if (!row) throw new GatehouseError('NOT_FOUND', 'That request no longer exists. Refresh the list.');
  const open = ['awaiting-authorisation', 'referred', 'awaiting-prerequisites'].includes(row.state);
  const blockers = open ? evaluate(ctx, row.person_id, row.system_id, draftOf(row)).blockers : [];
  if (row.state === 'referred' && row.state_note)
    blockers.unshift(`Referred to the line manager (REG-3): ${row.state_note}`);
  return toRequest(row, today(ctx), blockers);
}

export const TASK_WORDS = {
  'create-account': (s: string, p: string, r: string | null) =>
    `Create ${/^[AEIOU]/i.test(s) ? 'an' : 'a'} ${s} account (${r}) for ${p}`,
  'change-role': (s: string, p: string, r: string | null) => `Change ${p}’s ${s} role to ${r}`,
  'delete-account': (s: string, p: string) => `Delete ${p}’s ${s} account`,
  'disable-account': (s: string, p: string) =>
    `Flag ${p}’s ${s} account as disabled (it cannot be deleted: DIS-2)`,
  'reactivate-account': (s: string, p: string) => `Reactivate ${p}’s ${s} account`,
};

/** Inside a transaction: the task for a request that has just become ready. */
function raiseTask(ctx: ServiceContext, row: RequestRow, audit: AuditWriter): void {
  const db = ctx.db();
  const system = requireSystem(db, row.system_id);
  const now = ctx.clock.now().toISOString();
  let accountId: string | null = null;
  let action: keyof typeof TASK_WORDS;
  if (row.type === 'new-user') {
    accountId = randomUUID();
    db.prepare(
      `INSERT INTO accounts (id, person_id, system_id, role, kind, status, created_at, generic_ig_reference, generic_end_date)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
    ).run(
      accountId,
      row.person_id,
      row.system_id,
      row.role,
      row.account_kind,
      now,
      row.generic_ig_reference,
      row.generic_end_date,
    );
    action = 'create-account';
  } else {
    accountId = targetAccount(db, row.person_id, row.system_id, row.type, row.account_kind)?.id ?? null;
    action =
      row.type === 'amendment'
        ? 'change-role'
        : row.type === 'reactivation'
          ? 'reactivate-account'
          : system.deletionAllowed
            ? 'delete-account'
            : 'disable-account';
  }
  const description = TASK_WORDS[action](system.name, row.person_name, row.role);
  raiseAccountTask(
    db,
    {
      requestId: row.id,
      personId: row.person_id,
      systemId: row.system_id,
      accountId,
      action,
      newRole: row.role,
      description,
    },
    now,
    audit,
  );
  db.prepare('UPDATE requests SET account_id = ? WHERE id = ?').run(accountId, row.id);
  audit({
    action: 'task.raised',
    subject: { type: 'person', id: row.person_id, label: row.person_name },
    after: { task: description, request: row.reference },
  });
}

/**
 * Apply a change to a stored request and re-run the rules. Refusals leave the request as it was and
 * come back as one sentence per rule.
 */
export function advance(
  ctx: ServiceContext,
  id: string,
  change: Partial<RequestDraft>,
  action: AuditAction,
  reason: string | null = null,
): string[] {
  const db = ctx.db();
  const row = requestRow(db, id);
  if (!row) throw new GatehouseError('NOT_FOUND', 'That request no longer exists. Refresh the list.');
  ctx.requireSystemScope(row.system_id);
  if (!['awaiting-authorisation', 'referred', 'awaiting-prerequisites'].includes(row.state)) {
    throw new GatehouseError(
      'CONFLICT',
      `Request ${row.reference} is ${row.state.replace(/-/g, ' ')}; it cannot change now.`,
    );
  }
  const draft = { ...draftOf(row), ...change };
  const outcome = evaluate(ctx, row.person_id, row.system_id, draft);
  if (outcome.state === 'refused') throw new GatehouseError('REFUSED_BY_POLICY', outcome.refusals.join(' '));
  const holidays = bankHolidaySet(db);
  const system = requireSystem(db, row.system_id);
  const startedOn = row.sla_started_on ?? (draft.authorisation ? today(ctx) : null);
  const due = startedOn ? dueDates(startedOn, system.slaTargetDays, system.slaInterimDays, holidays) : null;
  ctx.transact((audit) => {
    db.prepare(
      `UPDATE requests SET role = ?, authorised_by = ?, authorised_on = ?, authorised_how = ?, prerequisites_met = ?, state = ?,
         state_note = NULL, sla_started_on = ?, sla_target_due = ?, sla_interim_due = ? WHERE id = ?`,
    ).run(
      draft.role,
      draft.authorisation?.by ?? null,
      draft.authorisation?.on ?? null,
      draft.authorisation?.how ?? null,
      JSON.stringify(draft.prerequisitesMet),
      outcome.state,
      startedOn,
      due?.targetDue ?? null,
      due?.interimDue ?? null,
      id,
    );
    audit({
      action,
      subject: { type: 'person', id: row.person_id, label: row.person_name },
      reason,
      instructedBy: draft.authorisation?.by ?? null,
      before: { request: row.reference, state: row.state },
      after: { request: row.reference, state: outcome.state, ...(change as Record<string, never>) },
    });
    if (outcome.state === 'ready') raiseTask(ctx, { ...row, ...{ role: draft.role } }, audit);
  });
  return outcome.warnings;
}

export { raiseTask };
