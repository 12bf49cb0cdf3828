/**
 * Temporary suspension (SUS-1..SUS-4): who instructed it and why, urgent ones at once, a review date;
 * reversible (SUS-3). Lifting an inactivity suspension is a re-registration and needs line or
 * senior manager approval (RRG-1).
 */
import { randomUUID } from 'node:crypto';
import { londonDate } from '../../shared/policy/working-days';
import { authorisationDateProblem } from '../../shared/policy/date-rules';
import type { Suspension } from '../../shared/access-changes';
import { SUSPENSION_REASON_LABELS } from '../../shared/access-changes';
import type { Handlers } from '../service-context';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { accountContext, raiseAccountTask } from './account-tasks';

interface SuspensionRow {
  id: string;
  account_id: string;
  person_id: string;
  person_name: string;
  system_name: string;
  reason: Suspension['reason'];
  note: string | null;
  instructed_by: string;
  urgent: number;
  starts_on: string;
  review_on: string;
  state: 'in-force' | 'lifted';
}

const SELECT = `SELECT s.*, p.name AS person_name, y.name AS system_name FROM suspensions s
  JOIN people p ON p.id = s.person_id JOIN systems y ON y.id = s.system_id`;

function toSuspension(row: SuspensionRow): Suspension {
  return {
    id: row.id,
    accountId: row.account_id,
    personId: row.person_id,
    personName: row.person_name,
    systemName: row.system_name,
    reason: row.reason,
    note: row.note,
    instructedBy: row.instructed_by,
    urgent: row.urgent === 1,
    startsOn: row.starts_on,
    reviewOn: row.review_on,
    state: row.state,
  };
}

export function suspensionsInForce(db: Db, personId?: string): Suspension[] {
  const rows = personId
    ? db
        .prepare<[string], SuspensionRow>(
          `${SELECT} WHERE s.state = 'in-force' AND s.person_id = ? ORDER BY s.review_on`,
        )
        .all(personId)
    : db.prepare<[], SuspensionRow>(`${SELECT} WHERE s.state = 'in-force' ORDER BY s.review_on`).all();
  return rows.map(toSuspension);
}

export const suspensionHandlers: Pick<
  Handlers,
  'suspensions:list' | 'suspensions:suspend' | 'suspensions:lift'
> = {
  'suspensions:list': (ctx, input) => suspensionsInForce(ctx.db(), input.personId),

  'suspensions:suspend': (ctx, input) => {
    const db = ctx.db();
    const account = accountContext(db, input.accountId);
    ctx.requireSystemScope(account.system_id);
    if (account.status !== 'active') {
      throw new GatehouseError(
        'CONFLICT',
        `${account.person_name}’s ${account.system_name} account is ${account.status}; only an active account can be suspended.`,
      );
    }
    if (input.reason === 'other' && !input.note)
      throw new GatehouseError(
        'INVALID_INPUT',
        'Describe the exceptional circumstances in the note (SUS-1).',
      );
    const today = londonDate(ctx.clock.now());
    if (input.reviewOn <= today)
      throw new GatehouseError('INVALID_INPUT', 'Choose a review date after today.');
    const id = randomUUID();
    const now = ctx.clock.now().toISOString();
    ctx.transact((audit) => {
      db.prepare(
        `INSERT INTO suspensions (id, account_id, person_id, system_id, reason, note, instructed_by, instructed_role, urgent, starts_on,
           review_on, state, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'in-force', ?, ?)`,
      ).run(
        id,
        account.id,
        account.person_id,
        account.system_id,
        input.reason,
        input.note ?? null,
        input.instructedBy,
        input.instructedRole,
        input.urgent ? 1 : 0,
        today,
        input.reviewOn,
        now,
        ctx.actor().id,
      );
      db.prepare(`UPDATE accounts SET status = 'suspended' WHERE id = ?`).run(account.id);
      raiseAccountTask(
        db,
        {
          personId: account.person_id,
          systemId: account.system_id,
          accountId: account.id,
          action: 'suspend-account',
          description: `${input.urgent ? 'URGENT: s' : 'S'}uspend ${account.person_name}’s ${account.system_name} account (${SUSPENSION_REASON_LABELS[input.reason].toLowerCase()})`,
        },
        now,
        audit,
      );
      audit({
        action: 'account.suspended',
        subject: { type: 'person', id: account.person_id, label: account.person_name },
        reason: `${SUSPENSION_REASON_LABELS[input.reason]}${input.note ? `: ${input.note}` : ''}`,
        instructedBy: `${input.instructedBy} (${input.instructedRole.replace('-', ' ')})`,
        before: { system: account.system_name, status: 'active' },
        after: {
          system: account.system_name,
          status: 'suspended',
          urgent: input.urgent,
          reviewOn: input.reviewOn,
        },
      });
    });
    return toSuspension(db.prepare<[string], SuspensionRow>(`${SELECT} WHERE s.id = ?`).get(id)!);
  },

  'suspensions:lift': (ctx, input) => {
    const db = ctx.db();
    const row = db.prepare<[string], SuspensionRow>(`${SELECT} WHERE s.id = ?`).get(input.suspensionId);
    if (!row)
      throw new GatehouseError('NOT_FOUND', 'That suspension is not in the register. Refresh the page.');
    if (row.state !== 'in-force')
      throw new GatehouseError('CONFLICT', 'That suspension has already been lifted. Refresh the page.');
    if (row.reason === 'inactivity' && !input.approval) {
      throw new GatehouseError(
        'REFUSED_BY_POLICY',
        'Lifting an inactivity suspension is a re-registration: record the line or senior manager’s approval (RRG-1).',
      );
    }
    const future =
      input.approval &&
      authorisationDateProblem(input.approval.on, londonDate(ctx.clock.now()), 'manager’s approval', 'RRG-1');
    if (future) throw new GatehouseError('REFUSED_BY_POLICY', future);
    const account = accountContext(db, row.account_id);
    ctx.requireSystemScope(account.system_id);
    const now = ctx.clock.now().toISOString();
    ctx.transact((audit) => {
      db.prepare(
        `UPDATE suspensions SET state = 'lifted', lifted_at = ?, lift_reason = ?, lift_approved_by = ? WHERE id = ?`,
      ).run(
        now,
        input.reason,
        input.approval
          ? `${input.approval.by} (${input.approval.role.replace('-', ' ')}, ${input.approval.on})`
          : null,
        row.id,
      );
      db.prepare(`UPDATE accounts SET status = 'active' WHERE id = ? AND status = 'suspended'`).run(
        row.account_id,
      );
      raiseAccountTask(
        db,
        {
          personId: row.person_id,
          systemId: account.system_id,
          accountId: row.account_id,
          action: 'reactivate-account',
          description: `Reactivate ${row.person_name}’s ${row.system_name} account (suspension lifted)`,
        },
        now,
        audit,
      );
      audit({
        action: row.reason === 'inactivity' ? 'account.re-registered' : 'account.suspension-lifted',
        subject: { type: 'person', id: row.person_id, label: row.person_name },
        reason: input.reason,
        instructedBy: input.approval
          ? `${input.approval.by} (${input.approval.role.replace('-', ' ')})`
          : null,
        before: { system: row.system_name, status: 'suspended' },
        after: { system: row.system_name, status: 'active' },
      });
    });
    return toSuspension(db.prepare<[string], SuspensionRow>(`${SELECT} WHERE s.id = ?`).get(row.id)!);
  },
};
