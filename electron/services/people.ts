/**
 * The register's people: search, view (each view audited, USE-3), add and change. Job-role, team
 * and directorate changes are what make someone a mover (CHG-1); the review itself comes with requests.
 */
import { randomUUID } from 'node:crypto';
import type { Json } from '../../shared/canonical-json';
import {
  NEEDS_FINISHING_DATE,
  EMPLOYMENT_LABELS,
  type Person,
  type PersonInput,
} from '../../shared/register';
import type { ChannelOutput } from '../../shared/contract';
import type { HandlerInput, Handlers, ServiceContext } from '../service-context';
import { auditEventsForSubject } from '../store/audit-log';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { finishingDateProblem } from '../../shared/policy/date-rules';
import { londonDate } from '../../shared/policy/working-days';
import { personDetail, personRow, refreshSearchTerms, searchPeople } from '../store/people-queries';

const COLUMNS = {
  employeeNumber: 'employee_number',
  name: 'name',
  jobRole: 'job_role',
  team: 'team',
  directorate: 'directorate',
  organisation: 'organisation',
  lineManagerId: 'line_manager_id',
  employmentType: 'employment_type',
  finishingDate: 'finishing_date',
  smartcardUuid: 'smartcard_uuid',
  email: 'email',
  digitalStaff: 'digital_staff',
} as const satisfies Record<keyof PersonInput, string>;

export function requirePerson(db: Db, id: string): Person {
  const row = personRow(db, id);
  if (!row) throw new GatehouseError('NOT_FOUND', 'That person is not in the register. Search again.');
  return personDetail(db, row);
}

/** Checks shared by adding and changing a person; `merged` is the person as they would be. */
function checkPerson(db: Db, merged: PersonInput, id: string | null): void {
  if (NEEDS_FINISHING_DATE.includes(merged.employmentType) && !merged.finishingDate) {
    throw new GatehouseError(
      'INVALID_INPUT',
      `${EMPLOYMENT_LABELS[merged.employmentType]} staff need a finishing date (REG-11): their access ends on it unless extended.`,
    );
  }
  if (merged.lineManagerId) {
    if (merged.lineManagerId === id)
      throw new GatehouseError('INVALID_INPUT', 'A person cannot be their own line manager.');
    if (!personRow(db, merged.lineManagerId))
      throw new GatehouseError(
        'NOT_FOUND',
        'The chosen line manager is not in the register. Search for them again.',
      );
  }
  const clash = (column: string, value: string | undefined, what: string) => {
    if (!value) return;
    const other = db
      .prepare<[string], { id: string; name: string }>(`SELECT id, name FROM people WHERE ${column} = ?`)
      .get(value);
    if (other && other.id !== id)
      throw new GatehouseError('CONFLICT', `${what} ${value} already belongs to ${other.name}.`);
  };
  clash('employee_number', merged.employeeNumber, 'Employee number');
  clash('smartcard_uuid', merged.smartcardUuid, 'Smartcard UUID');
}

function storedValue(value: unknown): string | number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value as string | number;
}

function asInput(person: Person): PersonInput {
  return {
    employeeNumber: person.employeeNumber ?? undefined,
    name: person.name,
    jobRole: person.jobRole ?? undefined,
    team: person.team ?? undefined,
    directorate: person.directorate ?? undefined,
    organisation: person.organisation ?? undefined,
    lineManagerId: person.lineManager?.id,
    employmentType: person.employmentType,
    finishingDate: person.finishingDate ?? undefined,
    smartcardUuid: person.smartcardUuid ?? undefined,
    email: person.email ?? undefined,
    digitalStaff: person.digitalStaff,
  };
}

/** Add a person to the register (the people:create channel, and the ESR feed’s starters). */
export function createPerson(
  ctx: ServiceContext,
  input: HandlerInput<'people:create'>,
): ChannelOutput<'people:create'> {
  const db = ctx.db();
  checkPerson(db, input, null);
  // A starter already past their finishing date would get access that should have ended (REG-11).
  const finished = finishingDateProblem(input.name, input.finishingDate, londonDate(ctx.clock.now()));
  if (finished) throw new GatehouseError('REFUSED_BY_POLICY', finished);
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  ctx.transact((audit) => {
    const entries = Object.entries(COLUMNS) as [keyof PersonInput, string][];
    db.prepare(
      `INSERT INTO people (id, ${entries.map(([, c]) => c).join(', ')}, created_at, updated_at)
       VALUES (?, ${entries.map(() => '?').join(', ')}, ?, ?)`,
    ).run(id, ...entries.map(([key]) => storedValue(input[key])), now, now);
    refreshSearchTerms(db, id);
    audit({
      action: 'person.added',
      subject: { type: 'person', id, label: input.name },
      after: { ...input } as Json,
    });
  });
  return requirePerson(db, id);
}

/** Change a person’s details, audited field by field (people:update, and the ESR feed’s movers). */
export function updatePerson(
  ctx: ServiceContext,
  input: HandlerInput<'people:update'>,
): ChannelOutput<'people:update'> {
  const db = ctx.db();
  const before = requirePerson(db, input.id);
  const current = asInput(before);
  const merged = { ...current, ...input.changes } as PersonInput;
  checkPerson(db, merged, input.id);
  const keys = (Object.keys(input.changes) as (keyof PersonInput)[]).filter(
    (k) => storedValue(input.changes[k]) !== storedValue(current[k]),
  );
  if (keys.length === 0)
    throw new GatehouseError('CONFLICT', `Nothing to save: ${before.name}’s details are already like that.`);
  ctx.transact((audit) => {
    for (const key of keys)
      db.prepare(`UPDATE people SET ${COLUMNS[key]} = ? WHERE id = ?`).run(
        storedValue(input.changes[key]),
        input.id,
      );
    db.prepare('UPDATE people SET updated_at = ? WHERE id = ?').run(ctx.clock.now().toISOString(), input.id);
    refreshSearchTerms(db, input.id);
    audit({
      action: 'person.updated',
      subject: { type: 'person', id: input.id, label: merged.name },
      reason: input.reason ?? null,
      before: Object.fromEntries(keys.map((k) => [k, (current[k] ?? null) as Json])),
      after: Object.fromEntries(keys.map((k) => [k, (input.changes[k] ?? null) as Json])),
    });
  });
  return requirePerson(db, input.id);
}

export const peopleHandlers: Pick<
  Handlers,
  'people:search' | 'people:get' | 'people:create' | 'people:update'
> = {
  'people:search': (ctx, input) => searchPeople(ctx.db(), input.query, input.offset, input.limit),

  'people:get': (ctx, input) => {
    // USE-3 records who looked: a window opened for one operator must not record a view in the name
    // of another who signed in since (a tab left open, a record left on screen at sign-out).
    if (input.viewer !== undefined && input.viewer !== ctx.actor().id)
      throw new GatehouseError(
        'CONFLICT',
        'Another operator has signed in since this window opened the record. Go to Home and open it again.',
      );
    const person = requirePerson(ctx.db(), input.id);
    ctx.transact((audit) =>
      audit({ action: 'person.viewed', subject: { type: 'person', id: person.id, label: person.name } }),
    );
    const history = auditEventsForSubject(ctx.db(), 'person', person.id, ['person.viewed']);
    return { person, history };
  },

  'people:create': createPerson,

  'people:update': updatePerson,
};
