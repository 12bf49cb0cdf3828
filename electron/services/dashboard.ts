/** The work queue the operator sees first: what is due, what waits, what is down, what runs out. */
import type { Dashboard } from '../../shared/contract/dashboard';
import { addCalendarDays } from '../../shared/policy/working-days';
import { bankHolidayCoverage } from '../../shared/policy/bank-holiday-coverage';
import type { AccessRequest } from '../../shared/requests';
import { SLA_URGENCY } from '../../shared/status-tags';
import type { Handlers } from '../service-context';
import { requestRows, taskRows, toRequest, toTask } from '../store/request-queries';
import { systemsDown } from './downtime';
import { today } from './request-workflow';

const TEMPORARY_WINDOW_DAYS = 14;
const LICENCE_WARNING = 0.9;

/** The more urgent of a request's two standings (breached before at risk before on time). */
function standing(request: AccessRequest): AccessRequest['sla']['target'] {
  const { target, interim } = request.sla;
  return SLA_URGENCY[interim] < SLA_URGENCY[target] ? interim : target;
}

export const dashboardHandlers: Pick<Handlers, 'dashboard:queue'> = {
  'dashboard:queue': (ctx): Dashboard => {
    const db = ctx.db();
    const now = today(ctx);
    // The queue is the operator's own: a scoped administrator sees the work of their systems.
    const scope = ctx.actor().systems;
    const inScope = (alias: string) =>
      scope === null ? '' : ` AND ${alias}.system_id IN (${scope.map(() => '?').join(', ')})`;
    const scopeParams = scope ?? [];
    const open = requestRows(
      db,
      `WHERE r.state IN ('awaiting-authorisation', 'referred', 'awaiting-prerequisites', 'ready')${inScope('r')}`,
      scopeParams,
    ).map((row) => toRequest(row, now, []));
    const tasks = taskRows(db, `WHERE t.state = 'open'${inScope('t')}`, scopeParams, 10).map(toTask);
    const tasksWaiting = (
      db
        .prepare(`SELECT count(*) AS n FROM tasks t WHERE t.state = 'open'${inScope('t')}`)
        .get(...scopeParams) as { n: number }
    ).n;
    const licences = db
      .prepare<
        [number],
        { system_name: string; organisation: string; year: number; allocation: number; used: number }
      >(
        `SELECT s.name AS system_name, l.organisation, l.year, l.allocation,
           (SELECT count(*) FROM accounts a JOIN people p ON p.id = a.person_id
             WHERE a.system_id = l.system_id AND a.status IN ('pending', 'active', 'suspended') AND lower(p.organisation) = lower(l.organisation)) AS used
         FROM licence_allocations l JOIN systems s ON s.id = l.system_id WHERE l.year = ?`,
      )
      .all(Number(now.slice(0, 4)))
      .filter((l) => l.allocation > 0 && l.used >= l.allocation * LICENCE_WARNING)
      .map((l) => ({
        systemName: l.system_name,
        organisation: l.organisation,
        year: l.year,
        used: l.used,
        allocation: l.allocation,
      }));
    const ending = db
      .prepare<[string], { id: string; name: string; finishing_date: string; live: number }>(
        `SELECT p.id, p.name, p.finishing_date,
           (SELECT count(*) FROM accounts a WHERE a.person_id = p.id AND a.status IN ('pending', 'active', 'suspended')) AS live
         FROM people p WHERE p.finishing_date IS NOT NULL AND p.finishing_date <= ? AND p.status = 'active' ORDER BY p.finishing_date LIMIT 200`,
      )
      .all(addCalendarDays(now, TEMPORARY_WINDOW_DAYS))
      // Past their date with access still live is the urgent case (REG-11); past and nothing live is done.
      .filter((p) => p.finishing_date >= now || p.live > 0)
      .map((p) => ({ personId: p.id, name: p.name, finishingDate: p.finishing_date, liveAccounts: p.live }));
    const latestHoliday =
      db.prepare<[], { latest: string | null }>('SELECT max(date) AS latest FROM bank_holidays').get()
        ?.latest ?? null;
    return {
      today: now,
      bankHolidays: bankHolidayCoverage(latestHoliday, now),
      // Due today means either standard is due today: a request past its target whose interim
      // standard falls today is in both lists (issue 12 §5: the counts agree with the lists).
      requestsDueToday: open.filter((r) => r.sla.target === 'at-risk' || r.sla.interim === 'at-risk'),
      requestsBreached: open.filter((r) => r.sla.target === 'breached' || r.sla.interim === 'breached'),
      requestsOnTime: open.filter((r) => standing(r) === 'on-time').length,
      requestsWaiting: open.filter((r) => standing(r) === 'not-started').length,
      tasksWaiting,
      tasks,
      systemsDown: systemsDown(db),
      licencesNearlyUsed: licences,
      temporaryStaffEnding: ending,
    };
  },
};
