/**
 * The demo Trust's past year of completed requests, so that the SLA report (REP-2, REG-7) has a trend
 * to show: most met the target, some only the interim standard, a few missed both.
 */
import { bankHolidaySet } from '../store/catalogue-queries';
import { addWorkingDays, londonDate } from '../../shared/policy/working-days';
import type { Db } from '../store/database';

const SYSTEMS: [string, string][] = [
  ['remote-access', 'Remote access user'],
  ['data-warehouse', 'Report viewer'],
];

export function addDemoRequestHistory(
  db: Db,
  random: () => number,
  operatorId: string,
  now: Date,
  seed: number,
): number {
  const holidays = bankHolidaySet(db);
  const people = db
    .prepare<[], { id: string }>(`SELECT id FROM people WHERE status = 'active' AND rowid % 97 = 3`)
    .all();
  const insert = db.prepare(
    `INSERT INTO requests (id, reference, type, person_id, system_id, role, account_kind, purpose, purpose_kind, authorised_by,
       authorised_on, authorised_how, state, received_at, sla_started_on, sla_target_due, sla_interim_due, completed_at, created_by)
     VALUES (?, ?, 'new-user', ?, ?, ?, 'normal', 'Demo request (past year)', 'direct-care', 'Demo Line Manager', ?, 'email',
       'completed', ?, ?, ?, ?, ?, ?)`,
  );
  people.forEach((person, i) => {
    const [systemId, role] = SYSTEMS[i % SYSTEMS.length]!;
    const received = new Date(now.getTime() - (15 + Math.floor(random() * 350)) * 86_400_000);
    const start = londonDate(received);
    // Seven in ten done within the target, two in the interim window, one late.
    const roll = random();
    const took = roll < 0.7 ? 1 : roll < 0.9 ? 2 + Math.floor(random() * 2) : 4 + Math.floor(random() * 5);
    const completed = `${addWorkingDays(start, took, holidays)}T15:00:00.000Z`;
    insert.run(
      `${seed.toString(16).padStart(8, '0')}-0006-4000-8000-${i.toString(16).padStart(12, '0')}`,
      `SD-${80_000 + i}`,
      person.id,
      systemId,
      role,
      start,
      received.toISOString(),
      start,
      addWorkingDays(start, 1, holidays),
      addWorkingDays(start, 3, holidays),
      completed,
      operatorId,
    );
  });
  return people.length;
}
