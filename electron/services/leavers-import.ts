/**
 * The HR leavers report (DIS-3, DIS-4): match each row to a person, show what matched, what is
 * ambiguous and what was not found; then apply, all or nothing in one transaction. A row whose person
 * has already left on that date is reported as already processed, so importing a file twice changes nothing.
 */
import { createHash } from 'node:crypto';
import { cached } from '../store/statement-cache';
import {
  normaliseName,
  normaliseTeam,
  parseLeaversReport,
  type LeaverRow,
} from '../../shared/leavers-report';
import type { AccountOutcome } from '../../shared/access-changes';
import type { Handlers, ServiceContext } from '../service-context';
import { GatehouseError } from '../store/errors';
import { liveAccounts } from './account-tasks';
import { processLeaver } from './deregistration';
import { leavingDateProblem } from '../../shared/policy/date-rules';
import { londonDate } from '../../shared/policy/working-days';

export interface LeaverCandidate {
  personId: string;
  name: string;
  team: string | null;
  employeeNumber: string | null;
  liveAccounts: number;
}

export interface LeaverMatch extends LeaverRow {
  status: 'matched' | 'ambiguous' | 'not-found' | 'already-left';
  confidence: number;
  candidates: LeaverCandidate[];
}

interface PersonRow {
  id: string;
  name: string;
  team: string | null;
  employee_number: string | null;
  status: 'active' | 'leaver';
  left_on: string | null;
}

function leaverIdentity(
  ctx: ServiceContext,
  personId: string,
): { id: string; name: string; smartcardUuid: string | null } {
  const row = cached<[string], { id: string; name: string; smartcard_uuid: string | null }>(
    ctx.db(),
    'SELECT id, name, smartcard_uuid FROM people WHERE id = ?',
  ).get(personId);
  if (!row)
    throw new GatehouseError(
      'NOT_FOUND',
      'A person chosen is no longer in the register. Import the file again.',
    );
  return { id: row.id, name: row.name, smartcardUuid: row.smartcard_uuid };
}

type Preview = { rows: LeaverMatch[]; problems: string[]; notes: string[] };

/**
 * The last preview, which the apply that follows it reuses instead of matching the file again. Its key
 * holds the audit chain's head: every change to the register writes an audit event in the same
 * transaction, so an unchanged head means an unchanged register and the same matches. It is held
 * against the open database, so a lock or sign-out (which closes it) lets the preview go with it.
 */
const lastPreview = new WeakMap<object, { key: string; preview: Preview }>();

function previewKey(ctx: ServiceContext, fileName: string, content: string): string {
  const head =
    cached<[], { hash: string }>(ctx.db(), 'SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1').get()
      ?.hash ?? '';
  return createHash('sha256').update(`${head}\0${fileName}\0`).update(content).digest('hex');
}

export function previewLeavers(ctx: ServiceContext, fileName: string, content: string): Preview {
  ctx.requireUnscoped();
  const db = ctx.db();
  const key = previewKey(ctx, fileName, content);
  const last = lastPreview.get(db);
  if (last?.key === key) return last.preview;
  const preview = matchLeavers(ctx, fileName, content);
  lastPreview.set(db, { key, preview });
  return preview;
}

function matchLeavers(ctx: ServiceContext, fileName: string, content: string): Preview {
  const parsed = parseLeaversReport(content, fileName);
  if (!parsed.ok) throw new GatehouseError('INVALID_INPUT', parsed.message);
  const people = cached<[], PersonRow>(
    ctx.db(),
    'SELECT id, name, team, employee_number, status, left_on FROM people',
  ).all();
  const byNumber = new Map(people.filter((p) => p.employee_number).map((p) => [p.employee_number!, p]));
  const byName = new Map<string, PersonRow[]>();
  for (const person of people) {
    const key = normaliseName(person.name);
    byName.set(key, [...(byName.get(key) ?? []), person]);
  }
  // Live accounts are counted only for the people a row could mean, not the whole register.
  const countLive = cached<[string], { n: number }>(
    ctx.db(),
    `SELECT count(*) AS n FROM accounts WHERE person_id = ? AND status IN ('pending', 'active', 'suspended')`,
  );
  const candidate = (p: PersonRow): LeaverCandidate => ({
    personId: p.id,
    name: p.name,
    team: p.team,
    employeeNumber: p.employee_number,
    liveAccounts: countLive.get(p.id)?.n ?? 0,
  });
  const settled = (p: PersonRow, row: LeaverRow) => p.status === 'leaver' && p.left_on === row.leftOn;

  const rows = parsed.rows.map((row): LeaverMatch => {
    const byNo = row.employeeNumber ? byNumber.get(row.employeeNumber) : undefined;
    if (byNo)
      return {
        ...row,
        status: settled(byNo, row) ? 'already-left' : 'matched',
        confidence: 1,
        candidates: [candidate(byNo)],
      };
    const named = byName.get(normaliseName(row.name)) ?? [];
    const done = named.find((p) => settled(p, row));
    if (done) return { ...row, status: 'already-left', confidence: 1, candidates: [candidate(done)] };
    const current = named.filter((p) => p.status === 'active');
    if (current.length === 0) return { ...row, status: 'not-found', confidence: 0, candidates: [] };
    const sameTeam = row.team
      ? current.filter((p) => normaliseTeam(p.team ?? '') === normaliseTeam(row.team))
      : [];
    if (sameTeam.length === 1)
      return { ...row, status: 'matched', confidence: 0.9, candidates: [candidate(sameTeam[0]!)] };
    const pool = sameTeam.length > 1 ? sameTeam : current;
    return {
      ...row,
      status: 'ambiguous',
      confidence: pool.length === 1 ? 0.6 : 0.5 / pool.length,
      candidates: pool.map(candidate),
    };
  });
  // A leaver dated weeks ahead would lose every account today: the file waits until nearer the date.
  const today = londonDate(ctx.clock.now());
  const tooEarly = rows.flatMap((row) => {
    if (row.status !== 'matched' && row.status !== 'ambiguous') return [];
    const problem = leavingDateProblem(row.name, row.leftOn, today);
    return problem ? [`Line ${row.line}: ${problem}`] : [];
  });
  return { rows, problems: [...parsed.problems, ...tooEarly], notes: parsed.notes };
}

export interface LeaversApplied {
  processed: { line: number; personName: string; outcomes: AccountOutcome[] }[];
  skipped: { line: number; name: string; why: string }[];
}

/**
 * Apply the report: matched rows, plus the ambiguous rows the administrator resolved in `choices`
 * (line -> person). Any row problem refuses the whole file; nothing is half applied.
 */
export function applyLeavers(
  ctx: ServiceContext,
  fileName: string,
  content: string,
  choices: ReadonlyMap<number, string>,
): LeaversApplied {
  const { rows, problems } = previewLeavers(ctx, fileName, content);
  if (problems.length > 0) {
    throw new GatehouseError(
      'INVALID_INPUT',
      `${fileName} was not applied; nothing was changed. Fix these lines first:\n${problems.join('\n')}`,
    );
  }
  const result: LeaversApplied = { processed: [], skipped: [] };
  const chosen: { row: LeaverMatch; personId: string }[] = [];
  for (const row of rows) {
    const choice = choices.get(row.line);
    if (row.status === 'matched') chosen.push({ row, personId: choice ?? row.candidates[0]!.personId });
    else if (row.status === 'ambiguous' && choice) {
      if (!row.candidates.some((c) => c.personId === choice))
        throw new GatehouseError(
          'INVALID_INPUT',
          `Line ${row.line}: the person chosen is not one of its candidates.`,
        );
      chosen.push({ row, personId: choice });
    } else {
      const why = {
        'already-left': 'already processed',
        'not-found': 'no one in the register matches',
        ambiguous: 'ambiguous: not resolved',
        matched: '',
      }[row.status];
      result.skipped.push({ line: row.line, name: row.name, why });
    }
  }
  const people = new Set<string>();
  for (const { row, personId } of chosen) {
    if (people.has(personId))
      throw new GatehouseError(
        'INVALID_INPUT',
        `Line ${row.line}: the same person is chosen for two rows. Check the ambiguous matches.`,
      );
    people.add(personId);
  }
  if (chosen.length === 0) return result;
  ctx.transact((audit) => {
    for (const { row, personId } of chosen) {
      // Only who they are is needed here; the full record (every account) is not loaded per leaver.
      const person = leaverIdentity(ctx, personId);
      const reason = `Leaving the Trust on ${row.leftOn} (learned from the HR leavers report ${fileName}, line ${row.line})`;
      const outcomes = processLeaver(
        ctx,
        person,
        liveAccounts(ctx.db(), person.id),
        { leftOn: row.leftOn, reason, instructedBy: 'HR leavers report' },
        audit,
      );
      result.processed.push({ line: row.line, personName: person.name, outcomes });
    }
    audit({
      action: 'leavers.imported',
      subject: { type: 'file', id: fileName, label: fileName },
      after: { processed: result.processed.length, skipped: result.skipped.length },
    });
  });
  return result;
}

export const leaverHandlers: Pick<Handlers, 'leavers:preview' | 'leavers:apply'> = {
  'leavers:preview': (ctx, input) => previewLeavers(ctx, input.fileName, input.content),
  'leavers:apply': (ctx, input) => {
    const result = applyLeavers(
      ctx,
      input.fileName,
      input.content,
      new Map(input.choices.map((c) => [c.line, c.personId])),
    );
    if (result.processed.length === 0) {
      throw new GatehouseError(
        'CONFLICT',
        `Nothing to apply from ${input.fileName}: every row is already processed, not found or unresolved.`,
      );
    }
    return result;
  },
};
