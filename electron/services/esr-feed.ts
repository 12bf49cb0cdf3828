/**
 * The ESR joiner, mover and leaver feed (seed 003). Importing a change file records each change as a
 * proposal; nothing in the register moves until an administrator decides. Accepting runs the same
 * services the screens use, inside one transaction with the decision, so a refused step (REG-11,
 * REG-4...) leaves the change proposed and the register as it was:
 * - a starter is added to the register with a new-user request for ESR Employee Self Service, which
 *   waits for the line manager's authorisation (REG-2);
 * - a mover's new details are recorded with the access review (CHG-1, CHG-2);
 * - a leaver's every account is de-registered and the smartcard suspension raised (DIS-3, DIS-4).
 */
import { randomUUID } from 'node:crypto';
import type { AccountOutcome } from '../../shared/access-changes';
import { contract } from '../../shared/contract';
import type { EsrChange } from '../../shared/contract/esr';
import { type EsrChangeRow, parseEsrChanges } from '../../shared/esr-changes';
import type { Person } from '../../shared/register';
import type { Handlers, ServiceContext } from '../service-context';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { deregisterLeaver, reviewMove } from './deregistration';
import { moverProposal } from './access-profiles';
import { createPerson, requirePerson, updatePerson } from './people';
import { createRequest } from './requests';
import { describeProposals, raiseProposedRequests } from './profile-proposals';

/** ESR Employee Self Service: every member of staff has it, and it needs no prerequisite (REG-8). */
const STARTER_SYSTEM = { id: 'esr', role: 'Employee Self Service' };

interface ChangeRow {
  id: string;
  kind: EsrChangeRow['kind'];
  employee_number: string;
  effective_on: string;
  details: string;
  file_name: string;
  line: number;
  state: EsrChange['state'];
  decision_note: string | null;
}

/** The services called here are synchronous; a promise would mean one escaped the transaction. */
function personIdByNumber(db: Db, employeeNumber: string | null): string | null {
  if (!employeeNumber) return null;
  const row = db
    .prepare<[string], { id: string }>('SELECT id FROM people WHERE employee_number = ?')
    .get(employeeNumber);
  return row?.id ?? null;
}

function managerName(db: Db, employeeNumber: string | null): string | null {
  const id = personIdByNumber(db, employeeNumber);
  if (id) return requirePerson(db, id).name;
  return employeeNumber ? `Employee ${employeeNumber} (not in the register)` : null;
}

function view(db: Db, row: ChangeRow): EsrChange {
  const details = JSON.parse(row.details) as EsrChangeRow;
  const personId = personIdByNumber(db, row.employee_number);
  const person = personId ? requirePerson(db, personId) : null;
  const live = person
    ? person.accounts.filter((a) => ['pending', 'active', 'suspended'].includes(a.status)).length
    : 0;
  return {
    id: row.id,
    kind: row.kind,
    employeeNumber: row.employee_number,
    effectiveOn: row.effective_on,
    fileName: row.file_name,
    line: row.line,
    state: row.state,
    decisionNote: row.decision_note,
    personId,
    current: person && {
      name: person.name,
      jobRole: person.jobRole,
      team: person.team,
      directorate: person.directorate,
      lineManager: person.lineManager?.name ?? null,
      status: person.status === 'leaver' ? `Left on ${person.leftOn}` : 'Active',
    },
    requested: {
      name: details.name,
      jobRole: details.jobRole,
      team: details.team,
      directorate: details.directorate,
      lineManager: managerName(db, details.lineManagerNumber),
      status:
        row.kind === 'leaver'
          ? `Leaves on ${row.effective_on}`
          : row.kind === 'starter'
            ? `Starts on ${row.effective_on}`
            : `Moves on ${row.effective_on}`,
    },
    liveAccounts: live,
  };
}

function requireProposed(db: Db, id: string): ChangeRow {
  const row = db.prepare<[string], ChangeRow>('SELECT * FROM esr_changes WHERE id = ?').get(id);
  if (!row) throw new GatehouseError('NOT_FOUND', 'That ESR change is not in Gatehouse. Refresh the list.');
  if (row.state !== 'proposed')
    throw new GatehouseError('CONFLICT', `That ESR change was already ${row.state}. Refresh the list.`);
  return row;
}

function requirePersonFor(db: Db, row: ChangeRow): Person {
  const id = personIdByNumber(db, row.employee_number);
  if (!id)
    throw new GatehouseError(
      'NOT_FOUND',
      `No one in the register has employee number ${row.employee_number}. Add them on the People screen, or reject this change with the reason.`,
    );
  return requirePerson(db, id);
}

function acceptStarter(ctx: ServiceContext, row: ChangeRow, details: EsrChangeRow): string {
  const db = ctx.db();
  const existingId = personIdByNumber(db, details.employeeNumber);
  const managerId = personIdByNumber(db, details.lineManagerNumber);
  const person = existingId
    ? requirePerson(db, existingId)
    : createPerson(
        ctx,
        contract['people:create'].input.parse({
          name: details.name,
          employeeNumber: details.employeeNumber,
          jobRole: details.jobRole ?? undefined,
          team: details.team ?? undefined,
          directorate: details.directorate ?? undefined,
          organisation: details.organisation ?? undefined,
          lineManagerId: managerId ?? undefined,
          employmentType: details.employmentType ?? 'permanent',
          finishingDate: details.finishingDate ?? undefined,
          email: details.email ?? undefined,
        }),
      );
  const request = createRequest(
    ctx,
    contract['requests:create'].input.parse({
      type: 'new-user',
      reference: `ESR-${details.employeeNumber}`,
      personId: person.id,
      systemId: STARTER_SYSTEM.id,
      role: STARTER_SYSTEM.role,
      purpose: `Employee Self Service for a new starter from ${row.effective_on} (ESR change feed)`,
      purposeKind: 'administration',
    }),
  );
  const proposed = raiseProposedRequests(
    ctx,
    person.id,
    `ESR-${details.employeeNumber}`,
    `New starter from ${row.effective_on} (ESR change feed)`,
  );
  return `${person.name} ${existingId ? 'was already in the register' : 'is added to the register'}; request ${request.request.reference} for ${STARTER_SYSTEM.role} waits for the line manager’s authorisation (REG-2).${describeProposals(proposed)}`;
}

export const esrHandlers: Pick<Handlers, 'esr:import' | 'esr:list' | 'esr:accept' | 'esr:reject'> = {
  'esr:import': (ctx, input) => {
    ctx.requireUnscoped();
    const parsed = parseEsrChanges(input.content, input.fileName);
    if (!parsed.ok) {
      const shown = parsed.problems.slice(0, 20);
      const more = parsed.problems.length - shown.length;
      throw new GatehouseError(
        'INVALID_INPUT',
        [parsed.message, ...shown, ...(more > 0 ? [`…and ${more} more.`] : [])].join(' '),
      );
    }
    const db = ctx.db();
    const now = ctx.clock.now().toISOString();
    const insert = db.prepare(
      `INSERT OR IGNORE INTO esr_changes (id, kind, employee_number, effective_on, details, file_name, line, imported_at, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'proposed')`,
    );
    return ctx.transact((audit) => {
      let added = 0;
      for (const row of parsed.rows)
        added += insert.run(
          randomUUID(),
          row.kind,
          row.employeeNumber,
          row.effectiveOn,
          JSON.stringify(row),
          input.fileName,
          row.line,
          now,
        ).changes;
      const alreadyImported = parsed.rows.length - added;
      audit({
        action: 'esr.imported',
        subject: { type: 'file', id: input.fileName, label: `ESR change file ${input.fileName}` },
        after: { added, alreadyImported },
      });
      return { added, alreadyImported, notes: parsed.notes };
    });
  },

  'esr:list': (ctx, input) => {
    const db = ctx.db();
    const rows = db
      .prepare<[], ChangeRow>(
        `SELECT * FROM esr_changes WHERE ${input.state === 'proposed' ? "state = 'proposed'" : "state <> 'proposed'"}
         ORDER BY effective_on, kind, employee_number LIMIT 1000`,
      )
      .all();
    return rows.map((row) => view(db, row));
  },

  'esr:accept': (ctx, input) => {
    ctx.requireUnscoped();
    const db = ctx.db();
    const row = requireProposed(db, input.id);
    const details = JSON.parse(row.details) as EsrChangeRow;
    if (row.kind === 'mover' && !input.review)
      throw new GatehouseError(
        'INVALID_INPUT',
        'A mover’s access must be reviewed account by account with the line manager’s authorisation (CHG-1, CHG-2): record the review to accept the change.',
      );
    return ctx.transact((audit) => {
      let summary: string;
      let outcomes: AccountOutcome[] = [];
      let proposals = '';
      if (row.kind === 'starter') {
        summary = acceptStarter(ctx, row, details);
      } else if (row.kind === 'mover') {
        const person = requirePersonFor(db, row);
        const managerId = personIdByNumber(db, details.lineManagerNumber);
        if (managerId && managerId !== person.lineManager?.id)
          updatePerson(ctx, {
            id: person.id,
            changes: { lineManagerId: managerId },
            reason: `Line manager changed in ESR from ${row.effective_on}`,
          });
        const changes = Object.fromEntries(
          (['jobRole', 'team', 'directorate'] as const).flatMap((k) => (details[k] ? [[k, details[k]]] : [])),
        );
        // The new position's accounts the person does not hold, worked out before the move changes it.
        const adds = new Set(
          moverProposal(db, person, changes)
            .filter((i) => i.action === 'add')
            .map((i) => i.systemId),
        );
        outcomes = reviewMove(
          ctx,
          contract['people:reviewMove'].input.parse({ personId: person.id, changes, ...input.review }),
        );
        // Each add is a new-user request like a hand-made one, waiting for the line manager (REG-2).
        const proposed =
          adds.size === 0
            ? null
            : raiseProposedRequests(
                ctx,
                person.id,
                `ESR-${row.employee_number}`,
                `New position from ${row.effective_on} (ESR change feed)`,
                adds,
              );
        proposals = proposed
          ? describeProposals(proposed, 'The new position’s access profiles add').trim()
          : '';
        summary = `${person.name}’s move is recorded and each of their accounts reviewed (CHG-1, CHG-2).${proposals ? ` ${proposals}` : ''}`;
      } else {
        const person = requirePersonFor(db, row);
        if (person.status === 'leaver') {
          summary = `${person.name} was already processed as a leaver (left on ${person.leftOn}).`;
        } else {
          outcomes = deregisterLeaver(ctx, {
            personId: person.id,
            leftOn: row.effective_on,
            source: 'esr-feed',
            instructedBy: `ESR change feed (${row.file_name}, line ${row.line})`,
          });
          summary = `${person.name} is de-registered from ${outcomes.length} ${outcomes.length === 1 ? 'system' : 'systems'} as a leaver (DIS-3).`;
        }
      }
      db.prepare(
        `UPDATE esr_changes SET state = 'accepted', decided_at = ?, decided_by = ?, decision_note = ? WHERE id = ?`,
      ).run(ctx.clock.now().toISOString(), ctx.actor().id, summary, row.id);
      audit({
        action: 'esr.accepted',
        subject: {
          type: 'esr-change',
          id: row.id,
          label: `ESR ${row.kind} ${row.employee_number} (${row.effective_on})`,
        },
        after: { summary },
      });
      return { summary, outcomes, proposals };
    });
  },

  'esr:reject': (ctx, input) => {
    ctx.requireUnscoped();
    const db = ctx.db();
    const row = requireProposed(db, input.id);
    return ctx.transact((audit) => {
      db.prepare(
        `UPDATE esr_changes SET state = 'rejected', decided_at = ?, decided_by = ?, decision_note = ? WHERE id = ?`,
      ).run(ctx.clock.now().toISOString(), ctx.actor().id, input.reason, row.id);
      audit({
        action: 'esr.rejected',
        subject: {
          type: 'esr-change',
          id: row.id,
          label: `ESR ${row.kind} ${row.employee_number} (${row.effective_on})`,
        },
        reason: input.reason,
      });
      return { summary: `The ESR ${row.kind} change for employee ${row.employee_number} is rejected.` };
    });
  },
};
