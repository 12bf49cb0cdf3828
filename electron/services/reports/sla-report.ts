/**
 * REP-2 and REG-7: requests against the registration target and the interim standard, by month, for
 * the twelve months ending with the report's month. A request counts in the month it was completed;
 * one still open past its target date counts as breached in every month it was open at the month's end.
 */
import { londonDate } from '../../../shared/policy/working-days';
import { monthLabel, monthPeriod, twelveMonthsTo } from '../../../shared/reports';
import { type ReportDefinition, number, percent, text } from './report-definition';

interface Row {
  completed_at: string | null;
  received_at: string;
  sla_target_due: string;
  sla_interim_due: string;
}

export const slaReport: ReportDefinition = (db, period) => {
  const months = twelveMonthsTo(period.month);
  const from = `${months[0]}-01`;
  const requests = db
    .prepare<[string], Row>(
      `SELECT completed_at, received_at, sla_target_due, sla_interim_due FROM requests
       WHERE sla_target_due IS NOT NULL AND state <> 'withdrawn' AND state <> 'rejected'
         AND (completed_at IS NULL OR completed_at >= ?)`,
    )
    .all(from);
  const byMonth = new Map(months.map((m) => [m, { done: 0, target: 0, interim: 0, breachedOpen: 0 }]));
  for (const r of requests) {
    const completedOn = r.completed_at ? londonDate(new Date(r.completed_at)) : null;
    if (completedOn) {
      const bucket = byMonth.get(completedOn.slice(0, 7));
      if (bucket) {
        bucket.done += 1;
        if (completedOn <= r.sla_target_due) bucket.target += 1;
        if (completedOn <= r.sla_interim_due) bucket.interim += 1;
      }
    }
    for (const month of months) {
      const end = monthPeriod(month, period.today).asOf;
      const openAtEnd = r.received_at.slice(0, 10) <= end && (!completedOn || completedOn > end);
      if (openAtEnd && r.sla_target_due < end) byMonth.get(month)!.breachedOpen += 1;
    }
  }
  const rows = months.map((m) => {
    const b = byMonth.get(m)!;
    return [
      monthLabel(m),
      b.done,
      b.target,
      percent(b.target, b.done),
      b.interim,
      percent(b.interim, b.done),
      b.breachedOpen,
    ];
  });
  return {
    period: `${monthLabel(months[0]!)} to ${monthLabel(period.month)}`,
    columns: [
      text('Month'),
      number('Completed'),
      number('Met target'),
      number('Target met (%)'),
      number('Met interim'),
      number('Interim met (%)'),
      number('Open past target at month end'),
    ],
    rows,
    notes: [
      'Target and interim standards are each system’s own (REG-7: 1 and 3 working days unless the catalogue says otherwise), counted in working days from receipt of the authorised request.',
      'A month with no completed requests shows no percentage.',
    ],
    chart: {
      title: 'Requests completed within the standard, by month',
      unit: '%',
      categories: months.map((m) => monthLabel(m).replace(/^(\w{3})\w* (\d{4})$/, '$1 $2')),
      series: [
        { name: 'Target met (%)', values: rows.map((r) => r[3] as number | null) },
        { name: 'Interim met (%)', values: rows.map((r) => r[5] as number | null) },
      ],
    },
  };
};
