/** REP-2 and SUS-1: the suspensions in force on the report's day, with who instructed them and why. */
import { SUSPENSION_REASON_LABELS } from '../../../shared/access-changes';
import { type ReportDefinition, text } from './report-definition';
import { count } from '../../../shared/plural';

interface Row {
  person_name: string;
  system_name: string;
  reason: keyof typeof SUSPENSION_REASON_LABELS;
  note: string | null;
  instructed_by: string;
  urgent: number;
  starts_on: string;
  review_on: string;
}

export const suspensionsReport: ReportDefinition = (db, period) => {
  // In force on the day: started by then, and not lifted by then.
  const rows = db
    .prepare<[{ asOf: string }], Row>(
      `SELECT p.name AS person_name, s.name AS system_name, x.reason, x.note, x.instructed_by, x.urgent, x.starts_on, x.review_on
       FROM suspensions x JOIN people p ON p.id = x.person_id JOIN systems s ON s.id = x.system_id
       WHERE x.starts_on <= @asOf AND (x.state = 'in-force' OR substr(x.lifted_at, 1, 10) > @asOf)
       ORDER BY x.review_on, p.name, s.name`,
    )
    .all({ asOf: period.asOf });
  const overdue = rows.filter((r) => r.review_on < period.asOf).length;
  return {
    period: `In force on ${period.asOf}`,
    columns: [
      text('Person'),
      text('System'),
      text('Reason'),
      text('Instructed by'),
      text('Urgent'),
      text('Since'),
      text('Review on'),
    ],
    rows: rows.map((r) => [
      r.person_name,
      r.system_name,
      r.note ? `${SUSPENSION_REASON_LABELS[r.reason]}: ${r.note}` : SUSPENSION_REASON_LABELS[r.reason],
      r.instructed_by,
      r.urgent ? 'Yes' : 'No',
      r.starts_on,
      r.review_on,
    ]),
    notes: [
      `${count(rows.length, 'suspension')} in force on ${period.asOf}.`,
      overdue === 0 ? 'None is past its review date.' : `${overdue} are past their review date.`,
    ],
    chart: null,
  };
};
