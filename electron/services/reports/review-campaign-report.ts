/**
 * One access review's report (issue 13 §3): progress and outcomes per line manager (accounts, answers
 * kept, removed and role changed, what is still unanswered, escalated, overdue), with a total, as CSV
 * or A4 PDF. Exported and audited as every report is (REP-3), anchored to the audit head (issue 10 §1).
 */
import { londonDate } from '../../../shared/policy/working-days';
import type { ReportTable } from '../../../shared/reports';
import type { Handlers, ServiceContext } from '../../service-context';
import { describeScope, NO_MANAGER, requireCampaign } from '../access-reviews';
import { slug } from '../inactivity-email';
import { readSettings } from '../settings';
import { number, text } from './report-definition';
import { asTransferred, exportTable } from './reports';

interface ManagerRow {
  manager: string | null;
  items: number;
  answered: number;
  kept: number;
  removed: number;
  changed: number;
  escalated: number;
  escalated_to: string | null;
}

const COLUMNS = [
  text('Line manager'),
  number('Accounts'),
  number('Answered'),
  number('Kept'),
  number('Removed'),
  number('Role changed'),
  number('Unanswered'),
  number('Escalated'),
  number('Overdue'),
  text('Escalated to'),
];

export function reviewCampaignReport(
  ctx: ServiceContext,
  campaignId: string,
): { report: ReportTable; scope: string; fileStem: string } {
  const db = ctx.db();
  const campaign = requireCampaign(db, campaignId);
  const scope = describeScope(campaign.scope_kind, campaign.scope_value, db);
  const now = ctx.clock.now();
  // Past the due date, whatever is still unanswered in an open review is overdue.
  const pastDue = campaign.state === 'open' && campaign.due_on < londonDate(now);
  const managers = db
    .prepare<[string], ManagerRow>(
      `SELECT m.name AS manager, count(*) AS items, count(i.answer) AS answered,
         coalesce(sum(i.answer = 'keep'), 0) AS kept, coalesce(sum(i.answer = 'remove'), 0) AS removed,
         coalesce(sum(i.answer = 'change-role'), 0) AS changed, count(i.escalated_at) AS escalated,
         group_concat(DISTINCT i.escalated_to) AS escalated_to
       FROM review_items i LEFT JOIN people m ON m.id = i.manager_id
       WHERE i.campaign_id = ? GROUP BY i.manager_id ORDER BY m.name IS NULL, m.name COLLATE NOCASE, i.manager_id`,
    )
    .all(campaign.id);
  const total = { items: 0, answered: 0, kept: 0, removed: 0, changed: 0, escalated: 0 };
  const rows = managers.map((m) => {
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += m[key];
    const unanswered = m.items - m.answered;
    return [
      m.manager ?? NO_MANAGER,
      m.items,
      m.answered,
      m.kept,
      m.removed,
      m.changed,
      unanswered,
      m.escalated,
      pastDue ? unanswered : 0,
      m.escalated_to ? m.escalated_to.split(',').sort().join('; ') : null,
    ];
  });
  const unanswered = total.items - total.answered;
  rows.push([
    'All line managers',
    total.items,
    total.answered,
    total.kept,
    total.removed,
    total.changed,
    unanswered,
    total.escalated,
    pastDue ? unanswered : 0,
    null,
  ]);
  const state = campaign.state === 'closed' ? 'closed' : pastDue && unanswered > 0 ? 'open, overdue' : 'open';
  return {
    scope,
    fileStem: `gatehouse-access-review-${slug(scope)}-${campaign.due_on}`,
    report: {
      name: 'access-reviews',
      title: `Access review of ${scope}: progress and outcomes per line manager (issue 13)`,
      trustName: readSettings(db).trustName,
      period: `Started ${campaign.started_at.slice(0, 10)}, due ${campaign.due_on}`,
      generatedBy: ctx.actor().name,
      generatedAt: now.toISOString(),
      columns: COLUMNS,
      rows,
      totalRows: rows.length,
      notes: [
        `The review is ${state}: ${total.answered} of ${total.items} accounts answered.`,
        'Removals are de-registered on the line manager’s instruction; role changes are raised as requests they authorised (CHG-1).',
        ...(pastDue && unanswered > 0
          ? [
              'Accounts unanswered after the due date are overdue: escalate them to each line manager’s own manager.',
            ]
          : []),
      ],
      chart: null,
    },
  };
}

export const reviewReportHandlers: Pick<Handlers, 'reviews:report'> = {
  'reviews:report': async (ctx, input) => {
    const { report, scope, fileStem } = reviewCampaignReport(ctx, input.campaignId);
    const file = await exportTable(ctx, report, input.format, `${fileStem}.${input.format}`, {
      type: 'access-review',
      id: input.campaignId,
      label: `Report of the access review of ${scope}`,
    });
    return asTransferred(file);
  },
};
