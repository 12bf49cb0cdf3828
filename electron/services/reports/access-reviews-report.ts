/**
 * Access reviews (issue 13 §3): every campaign open during the month or started in it, with progress
 * and outcomes per line manager, as a report (screen, CSV, PDF) like the others.
 */
import { describeScope } from '../access-reviews';
import { type ReportDefinition, number, text } from './report-definition';

interface Row {
  scope_kind: 'trust' | 'system' | 'team';
  scope_value: string | null;
  due_on: string;
  state: string;
  manager: string | null;
  items: number;
  answered: number;
  kept: number;
  removed: number;
  changed: number;
  escalated: number;
}

export const accessReviewsReport: ReportDefinition = (db, period) => {
  const rows = db
    .prepare<[string, string], Row>(
      `SELECT c.scope_kind, c.scope_value, c.due_on, c.state, m.name AS manager, count(*) AS items,
         count(i.answer) AS answered, coalesce(sum(i.answer = 'keep'), 0) AS kept,
         coalesce(sum(i.answer = 'remove'), 0) AS removed, coalesce(sum(i.answer = 'change-role'), 0) AS changed,
         count(i.escalated_at) AS escalated
       FROM review_campaigns c JOIN review_items i ON i.campaign_id = c.id LEFT JOIN people m ON m.id = i.manager_id
       WHERE substr(c.started_at, 1, 10) <= ? AND (c.closed_at IS NULL OR substr(c.closed_at, 1, 10) >= ?)
       GROUP BY c.id, i.manager_id ORDER BY c.started_at, c.rowid, m.name IS NULL, m.name COLLATE NOCASE`,
    )
    .all(period.last, period.first);
  return {
    period: `${period.first} to ${period.asOf}`,
    columns: [
      text('Review of'),
      text('Due'),
      text('State'),
      text('Line manager'),
      number('Accounts'),
      number('Answered'),
      number('Kept'),
      number('Removed'),
      number('Role changed'),
      number('Escalated'),
    ],
    rows: rows.map((r) => [
      describeScope(r.scope_kind, r.scope_value, db),
      r.due_on,
      r.state === 'open' && r.due_on < period.today && r.answered < r.items
        ? 'Open, overdue'
        : r.state === 'open'
          ? 'Open'
          : 'Closed',
      r.manager ?? 'No line manager recorded',
      r.items,
      r.answered,
      r.kept,
      r.removed,
      r.changed,
      r.escalated,
    ]),
    notes: [
      rows.length === 0
        ? 'No access review was open in this month. Start one with gatehouse review start.'
        : 'Removals are de-registered on the line manager’s instruction; role changes are raised as requests they authorised (CHG-1).',
    ],
    chart: null,
  };
};
