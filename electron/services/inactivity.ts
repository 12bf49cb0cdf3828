/**
 * The inactivity sweep (SUS-2): notices for accounts nearing their system's inactivity period, grouped
 * by line manager; deactivation no sooner than 7 days after the notice; when due, a suspension for
 * inactivity is proposed to the administrator as a task (lifting it later is a re-registration, RRG-1).
 */
import { compareNames } from '../../shared/compare-names';
import { deactivationOn, NOTICE_DAYS } from '../../shared/policy/inactivity';
import { addCalendarDays, londonDate } from '../../shared/policy/working-days';
import type { AuditWriter, Handlers, ServiceContext } from '../service-context';
import type { Db } from '../store/database';
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
  line_manager_id: string | null;
  role: string;
  username: string | null;
  last_active: string;
  last_activity: string | null;
}

interface Manager {
  id: string;
  name: string;
  email: string | null;
}

/** A candidate with what the notice says: its system, line manager and deactivation date. */
interface Notice {
  candidate: Candidate;
  systemName: string;
  manager: Manager | null;
  deactivateOn: string;
}

/**
 * The accounts that need a notice today. Each system's accounts past its own threshold date (worked
 * out here once, not for each of hundreds of thousands of accounts; activity before the day after
 * the threshold is activity on or before it, as ISO text compares in date order) come from the
 * last-seen index alone; their rows are then read in the order they are stored, each page of the
 * accounts table read and decrypted once, in order, rather than at random across a table larger than
 * the page cache (70 MiB on the demo Trust: reading it this way took a third off). Line managers
 * are few and looked up once each; deactivation dates are worked out once per system and
 * last-activity date (SUS-2's rule in shared/policy).
 */
function noticesDue(db: Db, asOf: string): Notice[] {
  const systems = new Map(
    db
      .prepare<[], { id: string; name: string; inactivity_days: number }>(
        'SELECT id, name, inactivity_days FROM systems',
      )
      .all()
      .map((system) => [system.id, system]),
  );
  const pastThreshold = db
    .prepare<[string, string], number>(
      'SELECT rowid FROM accounts WHERE system_id = ? AND coalesce(last_activity_at, created_at) < ?',
    )
    .pluck();
  const rowids = [...systems.values()]
    .flatMap((system) =>
      pastThreshold.all(system.id, addCalendarDays(asOf, -(system.inactivity_days - NOTICE_DAYS) + 1)),
    )
    .sort((x, y) => x - y);
  const candidates = db
    .prepare<[string], Candidate & { system_id: string }>(
      `SELECT a.id AS account_id, a.system_id, a.person_id, p.name AS person_name, p.line_manager_id, a.role, a.username,
         substr(coalesce(a.last_activity_at, a.created_at), 1, 10) AS last_active, substr(a.last_activity_at, 1, 10) AS last_activity
       FROM json_each(?) j CROSS JOIN accounts a ON a.rowid = j.value JOIN people p ON p.id = a.person_id
       WHERE a.status = 'active' AND p.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM inactivity_notices n WHERE n.account_id = a.id AND n.state IN ('notified', 'proposed'))`,
    )
    .all(JSON.stringify(rowids));
  const managerById = db.prepare<[string], Manager>('SELECT id, name, email FROM people WHERE id = ?');
  const managers = new Map<string, Manager | null>();
  const managerOf = (id: string | null): Manager | null => {
    if (id === null) return null;
    if (!managers.has(id)) managers.set(id, managerById.get(id) ?? null);
    return managers.get(id) ?? null;
  };
  const deactivation = new Map<string, string>();
  return candidates.map((candidate) => {
    const system = systems.get(candidate.system_id)!;
    const key = `${system.inactivity_days} ${candidate.last_active}`;
    let deactivateOn = deactivation.get(key);
    if (deactivateOn === undefined) {
      deactivateOn = deactivationOn(candidate.last_active, system.inactivity_days, asOf);
      deactivation.set(key, deactivateOn);
    }
    return {
      candidate,
      systemName: system.name,
      manager: managerOf(candidate.line_manager_id),
      deactivateOn,
    };
  });
}

const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** By name, then system; two people of one name by who has been inactive longer, then username. */
const byPersonThenSystem = (x: Notice, y: Notice) =>
  compareNames(x.candidate.person_name, y.candidate.person_name) ||
  compareNames(x.systemName, y.systemName) ||
  byText(x.candidate.last_active, y.candidate.last_active) ||
  compareNames(x.candidate.username, y.candidate.username);

/**
 * One notice per line manager, in name order (none recorded last), each listing their staff by name
 * then system. Grouped first and sorted within each group: far fewer name comparisons than sorting
 * every account of the Trust by manager, person and system, with the same order.
 */
function byManager(notices: Notice[]): ManagerNotice[] {
  const groups = new Map<string, Notice[]>();
  for (const notice of notices) {
    const key = notice.manager?.id ?? 'none';
    const group = groups.get(key);
    if (group) group.push(notice);
    else groups.set(key, [notice]);
  }
  const sorted = [...groups.values()].map((group) => group.sort(byPersonThenSystem));
  sorted.sort(
    (x, y) =>
      compareNames(x[0]!.manager?.name ?? null, y[0]!.manager?.name ?? null) ||
      byPersonThenSystem(x[0]!, y[0]!),
  );
  return sorted.map((group) => ({
    managerName: group[0]!.manager?.name ?? 'No line manager recorded',
    managerEmail: group[0]!.manager?.email ?? null,
    staff: group.map(({ candidate: c, systemName, deactivateOn }) => ({
      personName: c.person_name,
      systemName,
      role: c.role,
      username: c.username,
      lastActivity: c.last_activity,
      deactivateOn,
    })),
  }));
}

/** Notices whose 7 days have run: the suspension for inactivity is proposed as a task (SUS-2). */
function proposeDue(db: Db, asOf: string, now: string, audit: AuditWriter): number {
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
  return due.length;
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
    run.proposed = proposeDue(db, asOf, now, audit);
    const notices = noticesDue(db, asOf);
    // Stored in one statement, in account order: the notices' index and the accounts' key (checked
    // for each notice, as every foreign key is) are then walked in order, not at random.
    const inAccountOrder = notices
      .map(({ candidate: c, manager, deactivateOn }) => [
        c.account_id,
        c.person_id,
        manager?.id ?? null,
        c.last_activity,
        deactivateOn,
      ])
      .sort((x, y) => byText(x[0]!, y[0]!));
    db.prepare(
      `INSERT INTO inactivity_notices (account_id, person_id, manager_id, last_activity, noticed_on, deactivate_on, state)
       SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, ?, j.value ->> 4, 'notified' FROM json_each(?) j`,
    ).run(asOf, JSON.stringify(inAccountOrder));
    run.notices = byManager(notices);
    audit({
      action: 'inactivity.run',
      subject: { type: 'sweep', id: asOf, label: `Inactivity sweep as of ${asOf}` },
      after: {
        notices: notices.length,
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
