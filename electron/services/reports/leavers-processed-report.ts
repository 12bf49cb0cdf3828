/**
 * REP-2 and DIS-3: the leavers processed in the month, with what became of their accounts, so an
 * administrator can show that nothing of a leaver stayed active by oversight.
 */
import { monthLabel } from '../../../shared/reports';
import { type ReportDefinition, number, text } from './report-definition';
import { count } from '../../../shared/plural';

interface Row {
  name: string;
  employee_number: string | null;
  team: string | null;
  manager_name: string | null;
  left_on: string;
  ended: number;
  still_live: number;
  smartcard: string | null;
  smartcard_uuid: string | null;
}

/** What became of the leaver's smartcard access; someone who never held a card needs nothing (DIS-4). */
function smartcardOutcome(r: Row): string {
  if (r.smartcard === 'done') return 'Done';
  if (r.smartcard === 'open') return 'Task open';
  if (r.smartcard === 'cancelled') return 'Task cancelled';
  return r.smartcard_uuid ? 'Not raised' : 'No smartcard';
}

export const leaversProcessedReport: ReportDefinition = (db, period) => {
  const rows = db
    .prepare<[string, string], Row>(
      `SELECT p.name, p.employee_number, p.smartcard_uuid, p.team, m.name AS manager_name, p.left_on,
         (SELECT count(*) FROM accounts a WHERE a.person_id = p.id AND a.status IN ('disabled', 'deleted')) AS ended,
         (SELECT count(*) FROM accounts a WHERE a.person_id = p.id AND a.status IN ('active', 'suspended', 'pending')) AS still_live,
         (SELECT t.state FROM tasks t WHERE t.person_id = p.id AND t.action = 'suspend-smartcard' ORDER BY t.created_at DESC LIMIT 1) AS smartcard
       FROM people p LEFT JOIN people m ON m.id = p.line_manager_id
       WHERE p.status = 'leaver' AND p.left_on BETWEEN ? AND ?
       ORDER BY p.left_on, p.name`,
    )
    .all(period.first, period.last);
  const live = rows.filter((r) => r.still_live > 0).length;
  return {
    period: monthLabel(period.month),
    columns: [
      text('Person'),
      text('Employee number'),
      text('Team'),
      text('Line manager'),
      text('Left on'),
      number('Accounts de-registered'),
      number('Accounts still live'),
      text('Smartcard suspension (DIS-4)'),
    ],
    rows: rows.map((r) => [
      r.name,
      r.employee_number,
      r.team,
      r.manager_name,
      r.left_on,
      r.ended,
      r.still_live,
      smartcardOutcome(r),
    ]),
    notes: [
      `${count(rows.length, 'leaver')} with a leaving date in ${monthLabel(period.month)}.`,
      live === 0
        ? 'None of them has an account still live.'
        : `${live} of them still have a live account: de-register it (DIS-3).`,
    ],
    chart: null,
  };
};
