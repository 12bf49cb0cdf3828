/**
 * Permanent de-registration (DIS-1..DIS-4) and the mover review (CHG-1, CHG-2). On systems that hold
 * medical or event history the account is flagged disabled, never deleted (DIS-2). A leaver loses
 * every live account on every system in one transaction (DIS-3), and their smartcard access is
 * suspended at once (DIS-4).
 */
import { cached } from '../store/statement-cache';
import {
  DEREGISTRATION_REASON_LABELS,
  deregistrationOutcome,
  type AccountOutcome,
} from '../../shared/access-changes';
import type { ChannelOutput } from '../../shared/contract';
import type { AuditWriter, HandlerInput, Handlers, ServiceContext } from '../service-context';
import { GatehouseError } from '../store/errors';
import { type AccountContext, accountContext, liveAccounts, raiseAccountTask } from './account-tasks';
import { requirePerson } from './people';
import type { Person } from '../../shared/register';
import { authorisationDateProblem, leavingDateProblem } from '../../shared/policy/date-rules';
import { londonDate } from '../../shared/policy/working-days';

/**
 * Inside a transaction: take one account out of use, the way its system allows. `ownEvent` false
 * when the caller writes one event for many accounts (a leaver); cancelled tasks are audited anyway.
 */
export function deregister(
  ctx: ServiceContext,
  account: AccountContext,
  why: { reason: string; instructedBy: string },
  audit: AuditWriter,
  ownEvent = true,
): AccountOutcome {
  const db = ctx.db();
  const now = ctx.clock.now().toISOString();
  if (account.status === 'pending') {
    // Never set up in the system: cancel the set-up instead of asking for a removal.
    cached(db, `UPDATE accounts SET status = 'deleted' WHERE id = ?`).run(account.id);
    cached(db, `UPDATE tasks SET state = 'cancelled' WHERE account_id = ? AND state = 'open'`).run(
      account.id,
    );
    cached(
      db,
      `UPDATE requests SET state = 'withdrawn', state_note = ? WHERE account_id = ? AND state IN ('ready')`,
    ).run(why.reason, account.id);
    if (ownEvent)
      audit({
        action: 'account.set-up-cancelled',
        subject: { type: 'person', id: account.person_id, label: account.person_name },
        reason: why.reason,
        instructedBy: why.instructedBy,
        after: { system: account.system_name },
      });
    return { systemName: account.system_name, role: account.role, outcome: 'cancelled' };
  }
  const status = deregistrationOutcome(
    account.status as 'active' | 'suspended',
    account.deletion_allowed === 1,
  );
  const deletable = status === 'deleted';
  cached(db, 'UPDATE accounts SET status = ? WHERE id = ?').run(status, account.id);
  // Only a suspended account has a suspension in force to close.
  if (account.status === 'suspended') {
    cached(
      db,
      `UPDATE suspensions SET state = 'lifted', lifted_at = ?, lift_reason = 'Superseded by de-registration' WHERE account_id = ? AND state = 'in-force'`,
    ).run(now, account.id);
  }
  raiseAccountTask(
    db,
    {
      personId: account.person_id,
      systemId: account.system_id,
      accountId: account.id,
      action: deletable ? 'delete-account' : 'disable-account',
      description: deletable
        ? `Delete ${account.person_name}’s ${account.system_name} account`
        : `Flag ${account.person_name}’s ${account.system_name} account as disabled (it cannot be deleted: DIS-2)`,
    },
    now,
    audit,
  );
  if (ownEvent)
    audit({
      action: 'account.deregistered',
      subject: { type: 'person', id: account.person_id, label: account.person_name },
      reason: why.reason,
      instructedBy: why.instructedBy,
      before: { system: account.system_name, status: account.status },
      after: { system: account.system_name, status },
    });
  return { systemName: account.system_name, role: account.role, outcome: status };
}

/**
 * Inside a transaction: a leaver's every live account de-registered, open requests withdrawn, the
 * person marked a leaver and their smartcard suspension raised (DIS-3, DIS-4). Used by the Person
 * screen and by the HR leavers report import.
 */
export function processLeaver(
  ctx: ServiceContext,
  person: Pick<Person, 'id' | 'name' | 'smartcardUuid'>,
  accounts: AccountContext[],
  why: { leftOn: string; reason: string; instructedBy: string },
  audit: AuditWriter,
): AccountOutcome[] {
  const db = ctx.db();
  // Every caller (Person screen, HR leavers report, ESR feed) passes here, so none applies a far date.
  const tooEarly = leavingDateProblem(person.name, why.leftOn, londonDate(ctx.clock.now()));
  if (tooEarly) throw new GatehouseError('REFUSED_BY_POLICY', tooEarly);
  // One audit event for the leaver, listing every account's outcome, rather than one per account.
  const outcomes = accounts.map((account) =>
    deregister(ctx, account, { reason: why.reason, instructedBy: why.instructedBy }, audit, false),
  );
  cached(db, `UPDATE people SET status = 'leaver', left_on = ?, updated_at = ? WHERE id = ?`).run(
    why.leftOn,
    ctx.clock.now().toISOString(),
    person.id,
  );
  cached(
    db,
    `UPDATE requests SET state = 'withdrawn', state_note = ? WHERE person_id = ? AND state IN ('awaiting-authorisation', 'referred', 'awaiting-prerequisites')`,
  ).run(why.reason, person.id);
  if (person.smartcardUuid) {
    raiseAccountTask(
      db,
      {
        personId: person.id,
        systemId: 'registration-authority',
        accountId: null,
        action: 'suspend-smartcard',
        description: `Suspend smartcard ${person.smartcardUuid} of ${person.name} at once (leaver, DIS-4)`,
      },
      ctx.clock.now().toISOString(),
      audit,
    );
  }
  audit({
    action: 'person.left',
    subject: { type: 'person', id: person.id, label: person.name },
    reason: why.reason,
    instructedBy: why.instructedBy,
    after: { leftOn: why.leftOn, accounts: outcomes.map((o) => `${o.systemName}: ${o.outcome}`) },
  });
  return outcomes;
}

/** De-register every account of a leaver together (DIS-3): people:deregisterLeaver, and ESR leavers. */
export function deregisterLeaver(
  ctx: ServiceContext,
  input: HandlerInput<'people:deregisterLeaver'>,
): ChannelOutput<'people:deregisterLeaver'> {
  const db = ctx.db();
  const person = requirePerson(db, input.personId);
  const accounts = liveAccounts(db, person.id);
  const scope = ctx.actor().systems;
  const outside =
    scope === null ? [] : accounts.filter((a) => !scope.includes(a.system_id)).map((a) => a.system_name);
  if (outside.length > 0) {
    throw new GatehouseError(
      'FORBIDDEN',
      `${person.name} also has accounts on ${outside.join(', ')}, which you do not administer. A leaver’s accounts are de-registered together (DIS-3): ask an administrator of every system.`,
    );
  }
  const source = {
    person: 'the person',
    'line-manager': 'the line manager',
    'hr-leavers-report': 'the HR leavers report',
    'esr-feed': 'the ESR change feed',
  }[input.source];
  const reason = `Leaving the Trust on ${input.leftOn} (learned from ${source})`;
  return ctx.transact((audit) =>
    processLeaver(
      ctx,
      person,
      accounts,
      { leftOn: input.leftOn, reason, instructedBy: input.instructedBy },
      audit,
    ),
  );
}

/** Record a move with its account-by-account review (CHG-1, CHG-2): people:reviewMove, and ESR movers. */
export function reviewMove(
  ctx: ServiceContext,
  input: HandlerInput<'people:reviewMove'>,
): ChannelOutput<'people:reviewMove'> {
  const db = ctx.db();
  const person = requirePerson(db, input.personId);
  const future = authorisationDateProblem(
    input.authorisation.on,
    londonDate(ctx.clock.now()),
    'line manager’s authorisation',
    'CHG-1',
  );
  if (future) throw new GatehouseError('REFUSED_BY_POLICY', future);
  const accounts = liveAccounts(db, person.id);
  const decided = new Map(input.decisions.map((d) => [d.accountId, d]));
  const unreviewed = accounts.filter((a) => !decided.has(a.id));
  if (unreviewed.length > 0) {
    throw new GatehouseError(
      'INVALID_INPUT',
      `Review every account (CHG-2): no decision for ${unreviewed.map((a) => a.system_name).join(', ')}.`,
    );
  }
  for (const d of input.decisions) {
    const account = accounts.find((a) => a.id === d.accountId);
    if (!account)
      throw new GatehouseError(
        'NOT_FOUND',
        'A decision names an account this person does not hold. Refresh the page and review again.',
      );
    if (d.decision !== 'keep') ctx.requireSystemScope(account.system_id);
    if (d.decision === 'change-role') {
      const roles = (
        cached(db, 'SELECT name FROM system_roles WHERE system_id = ?').all(account.system_id) as {
          name: string;
        }[]
      ).map((r) => r.name);
      if (!d.newRole || !roles.includes(d.newRole)) {
        throw new GatehouseError(
          'REFUSED_BY_POLICY',
          `${account.system_name} does not offer the role "${d.newRole ?? ''}" (REG-3). Choose one of: ${roles.join(', ')}.`,
        );
      }
    }
  }
  const moved = Object.entries(input.changes).filter(([, v]) => v !== undefined && v !== '');
  const instructedBy = `${input.authorisation.by} (line manager, ${input.authorisation.on}, by ${input.authorisation.how})`;
  return ctx.transact((audit) => {
    const now = ctx.clock.now().toISOString();
    const columns = { jobRole: 'job_role', team: 'team', directorate: 'directorate' } as const;
    for (const [key, value] of moved)
      cached(
        db,
        `UPDATE people SET ${columns[key as keyof typeof columns]} = ?, updated_at = ? WHERE id = ?`,
      ).run(value, now, person.id);
    const outcomes = input.decisions.map((d): AccountOutcome => {
      const account = accounts.find((a) => a.id === d.accountId)!;
      if (d.decision === 'remove')
        return deregister(
          ctx,
          account,
          { reason: DEREGISTRATION_REASON_LABELS['role-change'], instructedBy },
          audit,
        );
      if (d.decision === 'change-role') {
        raiseAccountTask(
          db,
          {
            personId: person.id,
            systemId: account.system_id,
            accountId: account.id,
            action: 'change-role',
            newRole: d.newRole,
            description: `Change ${person.name}’s ${account.system_name} role to ${d.newRole}`,
          },
          now,
          audit,
        );
        return { systemName: account.system_name, role: account.role, outcome: 'role-change-raised' };
      }
      return { systemName: account.system_name, role: account.role, outcome: 'kept' };
    });
    audit({
      action: 'person.moved',
      subject: { type: 'person', id: person.id, label: person.name },
      instructedBy,
      before: Object.fromEntries(
        moved.map(([k]) => [k, (person as unknown as Record<string, string | null>)[k] ?? null]),
      ),
      after: { ...Object.fromEntries(moved), review: outcomes.map((o) => `${o.systemName}: ${o.outcome}`) },
    });
    return outcomes;
  });
}

export const deregistrationHandlers: Pick<
  Handlers,
  'accounts:deregister' | 'people:deregisterLeaver' | 'people:reviewMove'
> = {
  'accounts:deregister': (ctx, input) => {
    const account = accountContext(ctx.db(), input.accountId);
    ctx.requireSystemScope(account.system_id);
    if (!['pending', 'active', 'suspended'].includes(account.status)) {
      throw new GatehouseError(
        'CONFLICT',
        `${account.person_name}’s ${account.system_name} account is already ${account.status}.`,
      );
    }
    if (input.reason === 'other' && !input.note)
      throw new GatehouseError(
        'INVALID_INPUT',
        'Describe the exceptional circumstances in the note (DIS-1).',
      );
    const reason = `${DEREGISTRATION_REASON_LABELS[input.reason]}${input.note ? `: ${input.note}` : ''}`;
    return ctx.transact((audit) => [
      deregister(ctx, account, { reason, instructedBy: input.instructedBy }, audit),
    ]);
  },

  'people:deregisterLeaver': deregisterLeaver,

  'people:reviewMove': reviewMove,
};
