/**
 * REP-1: the month's inactive users per system, grouped by line manager for the review with them.
 * An account is inactive when it is live and nobody has signed in to it (or, never used, since it was
 * created) for longer than its system's inactivity period (SUS-2) on the report's day.
 */
import { monthLabel } from '../../../shared/reports';
import { type ReportDefinition, number, text } from './report-definition';

interface Row {
  system_name: string;
  manager_name: string | null;
  person_name: string;
  employee_number: string | null;
  team: string | null;
  role: string;
  username: string | null;
  last_active: string;
  days: number;
  inactivity_days: number;
}

export const inactiveUsersReport: ReportDefinition = (db, period) => {
  const rows = db
    .prepare<[{ asOf: string }], Row>(
      `SELECT s.name AS system_name, m.name AS manager_name, p.name AS person_name, p.employee_number, p.team,
         a.role, a.username, substr(coalesce(a.last_activity_at, a.created_at), 1, 10) AS last_active,
         CAST(julianday(@asOf) - julianday(substr(coalesce(a.last_activity_at, a.created_at), 1, 10)) AS INTEGER) AS days,
         s.inactivity_days
       FROM accounts a JOIN systems s ON s.id = a.system_id JOIN people p ON p.id = a.person_id
         LEFT JOIN people m ON m.id = p.line_manager_id
       WHERE a.status = 'active' AND p.status = 'active'
         AND substr(coalesce(a.last_activity_at, a.created_at), 1, 10) < date(@asOf, '-' || s.inactivity_days || ' days')
       ORDER BY s.name, m.name IS NULL, m.name, p.name`,
    )
    .all({ asOf: period.asOf });
  return {
    period: `${monthLabel(period.month)} (inactive on ${period.asOf})`,
    columns: [
      text('System'),
      text('Line manager'),
      text('Person'),
      text('Employee number'),
      text('Team'),
      text('Role'),
      text('Username'),
      text('Last sign-in'),
      number('Days inactive'),
      number('Period (days)'),
    ],
    rows: rows.map((r) => [
      r.system_name,
      r.manager_name ?? 'No line manager recorded',
      r.person_name,
      r.employee_number,
      r.team,
      r.role,
      r.username,
      r.last_active,
      r.days,
      r.inactivity_days,
    ]),
    notes: [
      `${rows.length} live accounts with no sign-in for longer than their system's inactivity period on ${period.asOf}.`,
      'Last sign-in dates come from each system’s imported export; an account never signed in to counts from its creation.',
    ],
    chart: null,
  };
};
