/**
 * REP-1: the month's inactive users per system, grouped by line manager for the review with them.
 * An account is inactive when it is live and nobody has signed in to it (or, never used, since it was
 * created) for longer than its system's inactivity period (SUS-2) on the report's day.
 */
import { compareNames } from '../../../shared/compare-names';
import { addCalendarDays } from '../../../shared/policy/working-days';
import { monthLabel } from '../../../shared/reports';
import { type ReportDefinition, number, text } from './report-definition';
import { count } from '../../../shared/plural';

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
  // Per system, with its threshold worked out here, so the partial index on last-seen date serves
  // the query (migration 0013) instead of a date computed for every account.
  const systems = db
    .prepare<[], { id: string; inactivity_days: number }>('SELECT id, inactivity_days FROM systems')
    .all();
  const query = db.prepare<[{ asOf: string; systemId: string; before: string }], Row>(
    `SELECT s.name AS system_name, m.name AS manager_name, p.name AS person_name, p.employee_number, p.team,
       a.role, a.username, substr(coalesce(a.last_activity_at, a.created_at), 1, 10) AS last_active,
       CAST(julianday(@asOf) - julianday(substr(coalesce(a.last_activity_at, a.created_at), 1, 10)) AS INTEGER) AS days,
       s.inactivity_days
     FROM accounts a JOIN systems s ON s.id = a.system_id JOIN people p ON p.id = a.person_id
       LEFT JOIN people m ON m.id = p.line_manager_id
     WHERE a.system_id = @systemId AND a.status = 'active' AND p.status = 'active'
       AND coalesce(a.last_activity_at, a.created_at) < @before`,
  );
  const rows = systems
    .flatMap((system) =>
      query.all({
        asOf: period.asOf,
        systemId: system.id,
        // Inactive for longer than the period: last seen before (as-of minus the period).
        before: addCalendarDays(period.asOf, -system.inactivity_days),
      }),
    )
    .sort(
      (x, y) =>
        compareNames(x.system_name, y.system_name) ||
        compareNames(x.manager_name, y.manager_name) ||
        compareNames(x.person_name, y.person_name),
    );
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
      `${count(rows.length, 'live account')} with no sign-in for longer than their system's inactivity period on ${period.asOf}.`,
      'Last sign-in dates come from each system’s imported export; an account never signed in to counts from its creation.',
    ],
    chart: null,
  };
};
