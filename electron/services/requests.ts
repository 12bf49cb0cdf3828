/** Access requests: recording, moving on, referring, closing (REG-1..REG-12, RRG-1). */
import { randomUUID } from 'node:crypto';
import { londonDate } from '../../shared/policy/working-days';
import type { ChannelOutput } from '../../shared/contract';
import type { RequestCreateInput } from '../../shared/requests';
import type { Handlers, ServiceContext } from '../service-context';
import { bankHolidaySet } from '../store/catalogue-queries';
import { GatehouseError } from '../store/errors';
import { dueDates, requestRow, requestRows } from '../store/request-queries';
import { requireSystem } from './catalogue';
import { requirePerson } from './people';
import { advance, evaluate, presentRequest, raiseTask } from './request-workflow';
import type { RequestDraft } from './request-facts';

type RequestCreated = ChannelOutput<'requests:create'>;

type RequestHandlers = Pick<
  Handlers,
  | 'requests:list'
  | 'requests:get'
  | 'requests:create'
  | 'requests:authorise'
  | 'requests:confirmPrerequisites'
  | 'requests:refer'
  | 'requests:resume'
  | 'requests:close'
>;

/**
 * Records a request received and lets the registration rules decide its state: the one way a request
 * is made, whether an operator keys it in or an access profile proposes it (issue 13 §2).
 */
export function createRequest(ctx: ServiceContext, input: RequestCreateInput): RequestCreated {
  const db = ctx.db();
  const person = requirePerson(db, input.personId);
  const system = requireSystem(db, input.systemId);
  ctx.requireSystemScope(system.id);
  const draft: RequestDraft = {
    type: input.type,
    role: input.role ?? null,
    accountKind: input.accountKind,
    purposeKind: input.purposeKind,
    authorisation: input.authorisation ?? null,
    prerequisitesMet: input.prerequisitesMet,
    genericIgReference: input.genericIgReference ?? null,
    genericEndDate: input.genericEndDate ?? null,
    licenceOverrideReason: input.licenceOverrideReason ?? null,
  };
  // Data-dependent: anyone who may raise a request may not override a licence allocation (REG-10).
  // eslint-disable-next-line no-restricted-syntax
  if (draft.licenceOverrideReason && !ctx.session.can('catalogue:write')) {
    throw new GatehouseError(
      'FORBIDDEN',
      'Only an administrator can override a licence allocation (REG-10).',
    );
  }
  const outcome = evaluate(ctx, person.id, system.id, draft);
  if (outcome.state === 'refused') throw new GatehouseError('REFUSED_BY_POLICY', outcome.refusals.join(' '));
  const receivedAt = input.receivedAt ?? ctx.clock.now().toISOString();
  const startedOn = draft.authorisation ? londonDate(new Date(receivedAt)) : null;
  const due = startedOn
    ? dueDates(startedOn, system.slaTargetDays, system.slaInterimDays, bankHolidaySet(db))
    : null;
  const id = randomUUID();
  ctx.transact((audit) => {
    db.prepare(
      `INSERT INTO requests (id, reference, type, person_id, system_id, role, account_kind, purpose, purpose_kind, authorised_by,
         authorised_on, authorised_how, prerequisites_met, generic_ig_reference, generic_end_date, licence_override_reason, state,
         received_at, sla_started_on, sla_target_due, sla_interim_due, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      input.reference,
      input.type,
      person.id,
      system.id,
      draft.role,
      draft.accountKind,
      input.purpose,
      draft.purposeKind,
      draft.authorisation?.by ?? null,
      draft.authorisation?.on ?? null,
      draft.authorisation?.how ?? null,
      JSON.stringify(draft.prerequisitesMet),
      draft.genericIgReference,
      draft.genericEndDate,
      draft.licenceOverrideReason,
      outcome.state,
      receivedAt,
      startedOn,
      due?.targetDue ?? null,
      due?.interimDue ?? null,
      ctx.actor().id,
    );
    audit({
      action: 'request.received',
      subject: { type: 'person', id: person.id, label: person.name },
      reason: draft.licenceOverrideReason,
      instructedBy: draft.authorisation?.by ?? null,
      after: {
        request: input.reference,
        type: input.type,
        system: system.name,
        role: draft.role,
        state: outcome.state,
        warnings: outcome.warnings,
      },
    });
    if (outcome.state === 'ready') raiseTask(ctx, requestRow(db, id)!, audit);
  });
  return { request: presentRequest(ctx, id), warnings: outcome.warnings };
}

export const requestHandlers: RequestHandlers = {
  'requests:list': (ctx, input) => {
    const where: string[] = [];
    const params: unknown[] = [];
    if (input.view === 'open')
      where.push(`r.state IN ('awaiting-authorisation', 'referred', 'awaiting-prerequisites', 'ready')`);
    if (input.personId) {
      where.push('r.person_id = ?');
      params.push(input.personId);
    }
    const rows = requestRows(ctx.db(), where.length ? `WHERE ${where.join(' AND ')}` : '', params);
    return rows.map((row) => presentRequest(ctx, row.id));
  },

  'requests:get': (ctx, input) => presentRequest(ctx, input.id),

  'requests:create': createRequest,

  'requests:authorise': (ctx, input) => {
    const warnings = advance(ctx, input.id, { authorisation: input.authorisation }, 'request.authorised');
    return { request: presentRequest(ctx, input.id), warnings };
  },

  'requests:confirmPrerequisites': (ctx, input) => {
    const warnings = advance(
      ctx,
      input.id,
      { prerequisitesMet: input.prerequisites },
      'request.prerequisites-confirmed',
    );
    return { request: presentRequest(ctx, input.id), warnings };
  },

  'requests:refer': (ctx, input) => {
    const db = ctx.db();
    const row = requestRow(db, input.id);
    if (!row) throw new GatehouseError('NOT_FOUND', 'That request no longer exists. Refresh the list.');
    ctx.requireSystemScope(row.system_id);
    if (!['awaiting-authorisation', 'awaiting-prerequisites'].includes(row.state)) {
      throw new GatehouseError(
        'CONFLICT',
        `Request ${row.reference} is ${row.state.replace(/-/g, ' ')}; only a request not yet ready can be referred.`,
      );
    }
    ctx.transact((audit) => {
      db.prepare(`UPDATE requests SET state = 'referred', state_note = ? WHERE id = ?`).run(
        input.note,
        input.id,
      );
      audit({
        action: 'request.referred',
        subject: { type: 'person', id: row.person_id, label: row.person_name },
        reason: input.note,
        after: { request: row.reference },
      });
    });
    return presentRequest(ctx, input.id);
  },

  'requests:resume': (ctx, input) => {
    const row = requestRow(ctx.db(), input.id);
    if (row?.state !== 'referred')
      throw new GatehouseError(
        'CONFLICT',
        'Only a request referred to the line manager can be resumed. Refresh the request to see where it stands.',
      );
    const warnings = advance(ctx, input.id, { role: input.role }, 'request.resumed');
    return { request: presentRequest(ctx, input.id), warnings };
  },

  'requests:close': (ctx, input) => {
    const db = ctx.db();
    const row = requestRow(db, input.id);
    if (!row) throw new GatehouseError('NOT_FOUND', 'That request no longer exists. Refresh the list.');
    ctx.requireSystemScope(row.system_id);
    if (['completed', 'rejected', 'withdrawn'].includes(row.state))
      throw new GatehouseError(
        'CONFLICT',
        `Request ${row.reference} is already ${row.state}. Record a new request if access is still needed.`,
      );
    ctx.transact((audit) => {
      db.prepare('UPDATE requests SET state = ?, state_note = ? WHERE id = ?').run(
        input.outcome,
        input.reason,
        input.id,
      );
      // A ready request's task and pending account go too: nothing was set up in the system yet.
      db.prepare(`UPDATE tasks SET state = 'cancelled' WHERE request_id = ? AND state = 'open'`).run(
        input.id,
      );
      if (row.type === 'new-user' && row.account_id)
        db.prepare(`UPDATE accounts SET status = 'deleted' WHERE id = ? AND status = 'pending'`).run(
          row.account_id,
        );
      audit({
        action: `request.${input.outcome}`,
        subject: { type: 'person', id: row.person_id, label: row.person_name },
        reason: input.reason,
        after: { request: row.reference },
      });
    });
    return presentRequest(ctx, input.id);
  },
};
