/** The demo Trust's open requests: a week's backlog, some unauthorised, the rest ready with their tasks. */
import { bankHolidaySet } from '../store/catalogue-queries';
import { addWorkingDays, londonDate } from '../../shared/policy/working-days';
import type { Db } from '../store/database';
import { TASK_WORDS } from './request-workflow';

const REQUESTABLE: [string, string, string][] = [
  ['connecting-care', 'Connecting Care', 'Clinical user'],
  ['remote-access', 'Trust Remote Access Services', 'Remote access user'],
  ['data-warehouse', 'Data Warehouse', 'Report viewer'],
];

export function addDemoRequests(
  db: Db,
  random: () => number,
  operatorId: string,
  now: Date,
  seed: number,
): number {
  const holidays = bankHolidaySet(db);
  const people = db
    .prepare<[], { id: string; name: string }>(
      `SELECT id, name FROM people WHERE status = 'active' AND rowid % 200 = 7`,
    )
    .all();
  const insertRequest = db.prepare(
    `INSERT INTO requests (id, reference, type, person_id, system_id, role, account_kind, purpose, purpose_kind, authorised_by, authorised_on,
       authorised_how, state, received_at, sla_started_on, sla_target_due, sla_interim_due, created_by)
     VALUES (?, ?, 'new-user', ?, ?, ?, 'normal', 'Demo request', 'direct-care', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const hasAccount = db.prepare(
    `SELECT 1 FROM accounts WHERE person_id = ? AND system_id = ? AND status IN ('pending', 'active', 'suspended')`,
  );
  const insertAccount = db.prepare(
    `INSERT INTO accounts (id, person_id, system_id, role, kind, status, created_at) VALUES (?, ?, ?, ?, 'normal', 'pending', ?)`,
  );
  const insertTask = db.prepare(
    `INSERT INTO tasks (id, request_id, person_id, system_id, account_id, action, new_role, description, state, created_at)
     VALUES (?, ?, ?, ?, ?, 'create-account', ?, ?, 'open', ?)`,
  );
  let made = 0;
  people.forEach((person, i) => {
    const [systemId, systemName, role] = REQUESTABLE[i % REQUESTABLE.length]!;
    if (hasAccount.get(person.id, systemId)) return;
    const received = new Date(now.getTime() - Math.floor(random() * 7 * 86_400_000));
    const start = londonDate(received);
    const authorised = random() < 0.7;
    const target = systemId === 'connecting-care' ? 5 : 1;
    const interim = systemId === 'connecting-care' ? 5 : 3;
    const id = `${seed.toString(16).padStart(8, '0')}-0003-4000-8000-${i.toString(16).padStart(12, '0')}`;
    insertRequest.run(
      id,
      `SD-${90_000 + i}`,
      person.id,
      systemId,
      role,
      authorised ? 'Demo Line Manager' : null,
      authorised ? start : null,
      authorised ? 'email' : null,
      authorised ? 'ready' : 'awaiting-authorisation',
      received.toISOString(),
      authorised ? start : null,
      authorised ? addWorkingDays(start, target, holidays) : null,
      authorised ? addWorkingDays(start, interim, holidays) : null,
      operatorId,
    );
    if (authorised) {
      const accountId = `${seed.toString(16).padStart(8, '0')}-0004-4000-8000-${i.toString(16).padStart(12, '0')}`;
      insertAccount.run(accountId, person.id, systemId, role, received.toISOString());
      db.prepare('UPDATE requests SET account_id = ? WHERE id = ?').run(accountId, id);
      insertTask.run(
        `${seed.toString(16).padStart(8, '0')}-0005-4000-8000-${i.toString(16).padStart(12, '0')}`,
        id,
        person.id,
        systemId,
        accountId,
        role,
        TASK_WORDS['create-account'](systemName, person.name, role),
        received.toISOString(),
      );
    }
    made += 1;
  });
  return made;
}
