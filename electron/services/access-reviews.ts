/**
 * Access reviews (issue 13 §3): a campaign takes the register as it stands (every active or suspended
 * account in scope, with the holder's line manager) and each answer is recorded on the manager's word:
 * keep; remove, which de-registers the account with the manager as the instruction (DIS-1); or change
 * role, which raises an amendment request authorised by them (CHG-1, REG-2). One open campaign per scope.
 */
import { randomUUID } from 'node:crypto';
import type { Campaign, ReviewItem, ReviewScope } from '../../shared/access-reviews';
import { londonDate } from '../../shared/policy/working-days';
import type { Handlers, ServiceContext } from '../service-context';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { requireReviewOnRegister } from './review-on-register';
import { REVIEW_ITEM_ID } from '../store/review-item-id';
import { accountContext } from './account-tasks';
import { requireSystem } from './catalogue';
import { deregister } from './deregistration';
import { createRequest } from './requests';

export interface CampaignRow {
  id: string;
  scope_kind: ReviewScope['kind'];
  scope_value: string | null;
  due_on: string;
  state: 'open' | 'closed';
  started_at: string;
}

function scopeKey(scope: ReviewScope): string {
  return scope.kind === 'trust'
    ? 'trust'
    : scope.kind === 'system'
      ? `system:${scope.systemId}`
      : `team:${scope.team.toLocaleLowerCase('en-GB')}`;
}

export function describeScope(kind: ReviewScope['kind'], value: string | null, db: Db): string {
  if (kind === 'trust') return 'the whole Trust';
  if (kind === 'system') return requireSystem(db, value!).name;
  return `team ${value}`;
}

export const NO_MANAGER = 'No line manager recorded';

export function presentCampaign(db: Db, row: CampaignRow, today: string): Campaign {
  const managers = db
    .prepare<
      [string],
      {
        manager_id: string | null;
        manager_name: string | null;
        items: number;
        answered: number;
        kept: number;
        removed: number;
        changed: number;
        escalated: number;
      }
    >(
      `SELECT i.manager_id, m.name AS manager_name, count(*) AS items, count(i.answer) AS answered,
         sum(i.answer = 'keep') AS kept, sum(i.answer = 'remove') AS removed, sum(i.answer = 'change-role') AS changed,
         count(i.escalated_at) AS escalated
       FROM review_items i LEFT JOIN people m ON m.id = i.manager_id
       WHERE i.campaign_id = ? GROUP BY i.manager_id ORDER BY m.name IS NULL, m.name COLLATE NOCASE`,
    )
    .all(row.id)
    .map((m) => ({
      managerId: m.manager_id,
      managerName: m.manager_name ?? NO_MANAGER,
      items: m.items,
      answered: m.answered,
      kept: m.kept ?? 0,
      removed: m.removed ?? 0,
      roleChanged: m.changed ?? 0,
      escalated: m.escalated,
    }));
  const items = managers.reduce((n, m) => n + m.items, 0);
  const answered = managers.reduce((n, m) => n + m.answered, 0);
  return {
    id: row.id,
    scope: describeScope(row.scope_kind, row.scope_value, db),
    systemId: row.scope_kind === 'system' ? row.scope_value : null,
    dueOn: row.due_on,
    state: row.state,
    startedAt: row.started_at,
    items,
    answered,
    overdue: row.state === 'open' && row.due_on < today && answered < items,
    managers,
  };
}

export function requireCampaign(db: Db, id: string): CampaignRow {
  const row = db.prepare<[string], CampaignRow>('SELECT * FROM review_campaigns WHERE id = ?').get(id);
  if (!row)
    throw new GatehouseError('NOT_FOUND', 'That access review is not in Gatehouse. Refresh the list.');
  return row;
}

export function reviewItems(db: Db, campaignId: string, managerId?: string | null): ReviewItem[] {
  const byManager =
    managerId === undefined ? '' : managerId === null ? 'AND i.manager_id IS NULL' : 'AND i.manager_id = ?';
  return db
    .prepare<
      unknown[],
      {
        id: string;
        person_id: string;
        person_name: string;
        system_id: string;
        system_name: string;
        role: string;
        manager_name: string | null;
        answer: ReviewItem['answer'];
        new_role: string | null;
        answered_by: string | null;
        escalated_to: string | null;
      }
    >(
      `SELECT i.id, a.person_id, p.name AS person_name, a.system_id, s.name AS system_name, a.role, m.name AS manager_name, i.answer,
         i.new_role, i.answered_by, i.escalated_to
       FROM review_items i JOIN accounts a ON a.id = i.account_id JOIN people p ON p.id = a.person_id
         JOIN systems s ON s.id = a.system_id LEFT JOIN people m ON m.id = i.manager_id
       WHERE i.campaign_id = ? ${byManager} ORDER BY p.name COLLATE NOCASE, s.name LIMIT 5000`,
    )
    .all(campaignId, ...(managerId ? [managerId] : []))
    .map((r) => ({
      id: r.id,
      personId: r.person_id,
      personName: r.person_name,
      systemId: r.system_id,
      systemName: r.system_name,
      role: r.role,
      managerName: r.manager_name ?? NO_MANAGER,
      answer: r.answer,
      newRole: r.new_role,
      answeredBy: r.answered_by,
      escalatedTo: r.escalated_to,
    }));
}

function answerItem(
  ctx: ServiceContext,
  item: { id: string; account_id: string; campaign_id: string; escalated_to: string | null },
  input: { answer: ReviewItem['answer'] & string; newRole?: string; answeredBy: string; answeredOn: string },
  scope: string,
): string {
  const db = ctx.db();
  const account = accountContext(db, item.account_id);
  // Keeping is a decision about the system too: a scoped administrator answers for their own
  // systems' accounts only (as the Trust register's row-level security allows).
  ctx.requireSystemScope(account.system_id);
  // Once escalated, the answer may come from the senior manager it went to: the audit says which.
  const who = item.escalated_to === input.answeredBy ? 'senior manager' : 'line manager';
  const instructedBy = `${input.answeredBy} (${who}, access review of ${scope}, ${input.answeredOn})`;
  if (input.answer === 'remove') {
    if (!['pending', 'active', 'suspended'].includes(account.status))
      return `${account.person_name}’s ${account.system_name} account is already ${account.status}.`;
    ctx.transact((audit) =>
      deregister(
        ctx,
        account,
        { reason: `Access review of ${scope}: no longer needed`, instructedBy },
        audit,
      ),
    );
    return `${account.person_name}’s ${account.system_name} account is de-registered on ${input.answeredBy}’s instruction.`;
  }
  if (input.answer === 'change-role') {
    if (!input.newRole)
      throw new GatehouseError(
        'INVALID_INPUT',
        `Name the new ${account.system_name} role the line manager asked for.`,
      );
    const system = requireSystem(db, account.system_id);
    const { request } = createRequest(ctx, {
      type: 'amendment',
      reference: `REVIEW-${item.campaign_id.slice(0, 8)}`,
      personId: account.person_id,
      systemId: account.system_id,
      role: input.newRole,
      accountKind: account.kind as 'normal' | 'admin' | 'generic',
      purpose: `Access review of ${scope}: role change asked for by the line manager`,
      purposeKind: system.holdsPatientRecords ? 'direct-care' : 'administration',
      authorisation: { by: input.answeredBy, on: input.answeredOn, how: 'email' },
      prerequisitesMet: [],
    });
    return `Request ${request.reference} changes ${account.person_name}’s ${account.system_name} role to ${input.newRole}.`;
  }
  return `${account.person_name}’s ${account.system_name} account is kept.`;
}

export const reviewHandlers: Pick<
  Handlers,
  'reviews:start' | 'reviews:status' | 'reviews:items' | 'reviews:answer' | 'reviews:escalate'
> = {
  'reviews:start': (ctx, input) => {
    ctx.requireUnscoped();
    const db = ctx.db();
    const today = londonDate(ctx.clock.now());
    if (input.dueOn <= today)
      throw new GatehouseError('INVALID_INPUT', `The due date must be after today (${today}).`);
    const key = scopeKey(input.scope);
    const value =
      input.scope.kind === 'trust'
        ? null
        : input.scope.kind === 'system'
          ? input.scope.systemId
          : input.scope.team;
    const scope = describeScope(input.scope.kind, value, db);
    const id = randomUUID();
    const filter =
      input.scope.kind === 'system'
        ? 'AND a.system_id = ?'
        : input.scope.kind === 'team'
          ? 'AND lower(p.team) = lower(?)'
          : '';
    return ctx.transact((audit) => {
      // Checked inside the transaction: the store has no index for it any more (a review pulled from
      // the register may share its scope with one here that has not gone up yet), and another
      // process's start between the check and the insert makes this transaction fail, not repeat it.
      const opened = db
        .prepare<[string], { id: string; due_on: string; unanswered: number }>(
          `SELECT c.id, c.due_on, (SELECT count(*) FROM review_items i WHERE i.campaign_id = c.id AND i.answer IS NULL)
             AS unanswered FROM review_campaigns c WHERE c.scope_key = ? AND c.state = 'open'`,
        )
        .all(key);
      // Once any not yet on the register is refused, at most one is left (the register allows one).
      for (const review of opened) requireReviewOnRegister(db, review.id);
      const [open] = opened;
      // Answered in full on two workstations at once, each leaving the other's item open, a campaign
      // can stay open with nothing left to answer: it is closed now, by the start it would block.
      if (open && open.unanswered > 0)
        throw new GatehouseError(
          'CONFLICT',
          `An access review of ${scope} is already open (due ${open.due_on}). Finish or escalate it before starting another.`,
        );
      if (open)
        db.prepare(`UPDATE review_campaigns SET state = 'closed', closed_at = ? WHERE id = ?`).run(
          ctx.clock.now().toISOString(),
          open.id,
        );
      db.prepare(
        `INSERT INTO review_campaigns (id, scope_kind, scope_value, scope_key, due_on, state, started_at, started_by)
         VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`,
      ).run(id, input.scope.kind, value, key, input.dueOn, ctx.clock.now().toISOString(), ctx.actor().id);
      const { changes } = db
        .prepare(
          `INSERT INTO review_items (id, campaign_id, account_id, manager_id)
           SELECT ${REVIEW_ITEM_ID('?')}, ?, a.id, p.line_manager_id FROM accounts a JOIN people p ON p.id = a.person_id
           WHERE +a.status IN ('active', 'suspended') AND p.status = 'active' ${filter}`,
        )
        .run(id, id, ...(value ? [value] : []));
      if (changes === 0)
        throw new GatehouseError(
          'INVALID_INPUT',
          `No one in ${scope} holds an account: there is nothing to review.`,
        );
      audit({
        action: 'review.started',
        subject: { type: 'access-review', id, label: `Access review of ${scope}` },
        ...(open ? { before: { answeredReviewClosed: open.id } } : {}),
        after: { scope, dueOn: input.dueOn, accounts: changes },
      });
      return presentCampaign(db, requireCampaign(db, id), today);
    });
  },

  'reviews:status': (ctx) => {
    const db = ctx.db();
    const today = londonDate(ctx.clock.now());
    return db
      .prepare<[], CampaignRow>('SELECT * FROM review_campaigns ORDER BY started_at DESC, id LIMIT 50')
      .all()
      .map((row) => presentCampaign(db, row, today));
  },

  'reviews:items': (ctx, input) => {
    requireCampaign(ctx.db(), input.campaignId);
    return reviewItems(ctx.db(), input.campaignId, input.managerId);
  },

  'reviews:answer': (ctx, input) => {
    const db = ctx.db();
    const item = db
      .prepare<
        [string],
        {
          id: string;
          account_id: string;
          campaign_id: string;
          answer: string | null;
          escalated_to: string | null;
        }
      >('SELECT id, account_id, campaign_id, answer, escalated_to FROM review_items WHERE id = ?')
      .get(input.itemId);
    if (!item)
      throw new GatehouseError('NOT_FOUND', 'That review item is not in Gatehouse. Refresh the list.');
    const campaign = requireCampaign(db, item.campaign_id);
    requireReviewOnRegister(db, campaign.id);
    if (campaign.state !== 'open')
      throw new GatehouseError('CONFLICT', 'That access review is closed; its answers can no longer change.');
    if (item.answer)
      throw new GatehouseError(
        'CONFLICT',
        `That account was already answered (${item.answer}). Refresh the list.`,
      );
    const scope = describeScope(campaign.scope_kind, campaign.scope_value, db);
    return ctx.transact((audit) => {
      const summary = answerItem(ctx, item, input, scope);
      db.prepare(
        'UPDATE review_items SET answer = ?, new_role = ?, answered_by = ?, answered_on = ? WHERE id = ?',
      ).run(input.answer, input.newRole ?? null, input.answeredBy, input.answeredOn, item.id);
      const left = db
        .prepare<[string], { n: number }>(
          'SELECT count(*) AS n FROM review_items WHERE campaign_id = ? AND answer IS NULL',
        )
        .get(campaign.id)!.n;
      if (left === 0)
        db.prepare(`UPDATE review_campaigns SET state = 'closed', closed_at = ? WHERE id = ?`).run(
          ctx.clock.now().toISOString(),
          campaign.id,
        );
      const account = accountContext(db, item.account_id);
      audit({
        action: 'review.answered',
        subject: { type: 'person', id: account.person_id, label: account.person_name },
        instructedBy: input.answeredBy,
        after: {
          review: scope,
          system: account.system_name,
          answer: input.answer,
          newRole: input.newRole ?? null,
        },
      });
      return {
        summary:
          left === 0 ? `${summary} Every account is answered: the review of ${scope} is closed.` : summary,
      };
    });
  },

  'reviews:escalate': (ctx, input) => {
    const db = ctx.db();
    const campaign = requireCampaign(db, input.campaignId);
    requireReviewOnRegister(db, campaign.id);
    // Escalating touches every system's unanswered items: a system's review for its administrator.
    if (campaign.scope_kind === 'system') ctx.requireSystemScope(campaign.scope_value!);
    else ctx.requireUnscoped();
    const today = londonDate(ctx.clock.now());
    if (campaign.due_on >= today)
      throw new GatehouseError(
        'CONFLICT',
        `The review is due on ${campaign.due_on}; escalate only what is unanswered after that.`,
      );
    const overdue = db
      .prepare<[string], { id: string; senior_id: string | null; senior: string | null }>(
        `SELECT i.id, s.id AS senior_id, s.name AS senior FROM review_items i LEFT JOIN people m ON m.id = i.manager_id
           LEFT JOIN people s ON s.id = m.line_manager_id
         WHERE i.campaign_id = ? AND i.answer IS NULL AND i.escalated_at IS NULL`,
      )
      .all(campaign.id);
    const scope = describeScope(campaign.scope_kind, campaign.scope_value, db);
    return ctx.transact((audit) => {
      const now = ctx.clock.now().toISOString();
      const update = db.prepare(
        'UPDATE review_items SET escalated_to = ?, escalated_to_id = ?, escalated_at = ? WHERE id = ?',
      );
      for (const o of overdue) update.run(o.senior ?? 'No senior manager recorded', o.senior_id, now, o.id);
      const seniorManagers = [
        ...new Set(overdue.map((o) => o.senior ?? 'No senior manager recorded')),
      ].sort();
      audit({
        action: 'review.escalated',
        subject: { type: 'access-review', id: campaign.id, label: `Access review of ${scope}` },
        after: { escalated: overdue.length, seniorManagers },
      });
      return { escalated: overdue.length, seniorManagers };
    });
  },
};
