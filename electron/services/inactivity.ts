/**
 * The inactivity sweep (SUS-2): notices for accounts nearing their system's inactivity period, grouped
 * by line manager; deactivation no sooner than 7 days after the notice; when due, a suspension for
 * inactivity is proposed to the administrator as a task (lifting it later is a re-registration, RRG-1).
 */
import { compareNames } from '../../shared/compare-names';
import { deactivationOn, NOTICE_DAYS } from '../../shared/policy/inactivity';
import { addCalendarDays, londonDate } from '../../shared/policy/working-days';
import type { Handlers, ServiceContext } from '../service-context';
import { raiseAccountTask } from './account-tasks';
import { noticeDrafts } from './inactivity-email';

export interface NoticeLine {
  personName: string;
  systemName: string;
  role: string;
  username: string | null;
  lastActivity: string | null;
  deactivateOn: string;
}

export interface ManagerNotice {
  managerName: string;
  managerEmail: string | null;
  staff: NoticeLine[];
}

export interface InactivityRun {
  asOf: string;
  notices: ManagerNotice[];
  proposed: number;
  cleared: number;
}

interface Candidate {
  account_id: string;
  person_id: string;
  person_name: string;
  system_name: string;
  role: string;
  username: string | null;
  last_active: string;
  last_activity_at: string | null;
  inactivity_days: number;
  manager_id: string | null;
  manager_name: string | null;
  manager_email: string | null;
}

export function runInactivity(ctx: ServiceContext, asOf: string): InactivityRun {
  ctx.requireUnscoped();
  const db = ctx.db();
  const now = ctx.clock.now().toISOString();
  const run: InactivityRun = { asOf, notices: [], proposed: 0, cleared: 0 };
  ctx.transact((audit) => {
    // Signed in since the notice, or no longer active: the notice no longer applies.
    run.cleared = db
      .prepare(
        // Looked up by primary key per outstanding notice, never a scan of every account per notice.
        `UPDATE inactivity_notices SET state = 'cleared' WHERE state = 'notified' AND EXISTS (
           SELECT 1 FROM accounts a WHERE a.id = inactivity_notices.account_id AND (a.status <> 'active'
              OR (a.last_activity_at IS NOT NULL AND substr(a.last_activity_at, 1, 10) > coalesce(inactivity_notices.last_activity, '')))
         )`,
      )
      .run().changes;
    const due = db
      .prepare<
        [string],
        {
          id: number;
          account_id: string;
          person_id: string;
          person_name: string;
          system_id: string;
          system_name: string;
          last_activity: string | null;
          noticed_on: string;
        }
      >(
        `SELECT n.id, n.account_id, n.person_id, p.name AS person_name, a.system_id, s.name AS system_name, n.last_activity, n.noticed_on
         FROM inactivity_notices n JOIN accounts a ON a.id = n.account_id JOIN people p ON p.id = n.person_id JOIN systems s ON s.id = a.system_id
         WHERE n.state = 'notified' AND n.deactivate_on <= ?`,
      )
      .all(asOf);
    for (const notice of due) {
      raiseAccountTask(
        db,
        {
          personId: notice.person_id,
          systemId: notice.system_id,
          accountId: notice.account_id,
          action: 'suspend-account',
          description: `Suspend ${notice.person_name}’s ${notice.system_name} account for inactivity (no sign-in since ${notice.last_activity ?? 'it was created'}; line manager told ${notice.noticed_on})`,
        },
        now,
        audit,
      );
      db.prepare(`UPDATE inactivity_notices SET state = 'proposed' WHERE id = ?`).run(notice.id);
    }
    run.proposed = due.length;
    // One indexed query per system with its own threshold date worked out here, rather than a date
    // computed for each of hundreds of thousands of accounts. Activity before the day after the
    // threshold is activity on or before it (ISO text compares in date order).
    const systems = db
      .prepare<[], { id: string; inactivity_days: number }>('SELECT id, inactivity_days FROM systems')
      .all();
    const perSystem = db.prepare<[string, string], Candidate>(
      `SELECT a.id AS account_id, p.id AS person_id, p.name AS person_name, s.name AS system_name, a.role, a.username,
         substr(coalesce(a.last_activity_at, a.created_at), 1, 10) AS last_active, a.last_activity_at, s.inactivity_days,
         m.id AS manager_id, m.name AS manager_name, m.email AS manager_email
       FROM accounts a JOIN systems s ON s.id = a.system_id JOIN people p ON p.id = a.person_id LEFT JOIN people m ON m.id = p.line_manager_id
       WHERE a.system_id = ? AND a.status = 'active' AND p.status = 'active'
         AND coalesce(a.last_activity_at, a.created_at) < ?
         AND NOT EXISTS (SELECT 1 FROM inactivity_notices n WHERE n.account_id = a.id AND n.state IN ('notified', 'proposed'))`,
    );
    const candidates = systems
      .flatMap((system) =>
        perSystem.all(system.id, addCalendarDays(asOf, -(system.inactivity_days - NOTICE_DAYS) + 1)),
      )
      .sort(
        (x, y) =>
          compareNames(x.manager_name, y.manager_name) ||
          compareNames(x.person_name, y.person_name) ||
          compareNames(x.system_name, y.system_name),
      );
    const insert = db.prepare(
      `INSERT INTO inactivity_notices (account_id, person_id, manager_id, last_activity, noticed_on, deactivate_on, state) VALUES (?, ?, ?, ?, ?, ?, 'notified')`,
    );
    const byManager = new Map<string, ManagerNotice>();
    for (const c of candidates) {
      const deactivateOn = deactivationOn(c.last_active, c.inactivity_days, asOf);
      insert.run(
        c.account_id,
        c.person_id,
        c.manager_id,
        c.last_activity_at?.slice(0, 10) ?? null,
        asOf,
        deactivateOn,
      );
      const key = c.manager_id ?? 'none';
      const notice = byManager.get(key) ?? {
        managerName: c.manager_name ?? 'No line manager recorded',
        managerEmail: c.manager_email,
        staff: [],
      };
      notice.staff.push({
        personName: c.person_name,
        systemName: c.system_name,
        role: c.role,
        username: c.username,
        lastActivity: c.last_activity_at?.slice(0, 10) ?? null,
        deactivateOn,
      });
      byManager.set(key, notice);
    }
    run.notices = [...byManager.values()];
    audit({
      action: 'inactivity.run',
      subject: { type: 'sweep', id: asOf, label: `Inactivity sweep as of ${asOf}` },
      after: {
        notices: candidates.length,
        managers: run.notices.length,
        proposed: run.proposed,
        cleared: run.cleared,
      },
    });
  });
  return run;
}

export const inactivityHandlers: Pick<Handlers, 'inactivity:run'> = {
  'inactivity:run': async (ctx, input) => {
    const asOf = input.asOf ?? londonDate(ctx.clock.now());
    const run = runInactivity(ctx, asOf);
    return { ...run, ...(await noticeDrafts(run.notices, asOf, ctx.clock.now())) };
  },
};
