/** REP-2: live accounts per system, team and line manager, as the register stands on the report's day. */
import { type ReportDefinition, number, text } from './report-definition';
import { count } from '../../../shared/plural';

interface Row {
  system_name: string;
  team: string | null;
  manager_name: string | null;
  active: number;
  suspended: number;
  pending: number;
}

export const accountsReport: ReportDefinition = (db, period) => {
  const rows = db
    .prepare<[], Row>(
      `SELECT s.name AS system_name, p.team, m.name AS manager_name,
         sum(a.status = 'active') AS active, sum(a.status = 'suspended') AS suspended, sum(a.status = 'pending') AS pending
       FROM accounts a JOIN systems s ON s.id = a.system_id JOIN people p ON p.id = a.person_id
         LEFT JOIN people m ON m.id = p.line_manager_id
       WHERE a.status IN ('active', 'suspended', 'pending')
       GROUP BY s.name, p.team, m.name
       ORDER BY s.name, p.team IS NULL, p.team, m.name IS NULL, m.name`,
    )
    .all();
  const total = rows.reduce((n, r) => n + r.active + r.suspended + r.pending, 0);
  return {
    period: `As at ${period.today} (the register as it stands)`,
    columns: [
      text('System'),
      text('Team'),
      text('Line manager'),
      number('Active'),
      number('Suspended'),
      number('Pending set-up'),
    ],
    rows: rows.map((r) => [
      r.system_name,
      r.team ?? 'No team recorded',
      r.manager_name ?? 'No line manager recorded',
      r.active,
      r.suspended,
      r.pending,
    ]),
    notes: [
      `${count(total, 'live account')} (active, suspended or awaiting set-up) in ${count(rows.length, 'group')}.`,
    ],
    chart: null,
  };
};
