/**
 * The Conflicts list (issue 11 §2): a change the register refused, or that met a colleague's change
 * to the same record first, waits here for a person; it is never applied silently and never lost.
 * Each choice is audited with its reason: discard mine (the register keeps what it has), apply anyway
 * (run again through the router and every rule on the replica as it now stands; where a rule allows
 * an override, the reason is the override), or link a duplicate registration to the existing record.
 *
 * Who may choose: the operator who gave the command, or an administrator (who may act for a
 * colleague who has left or is away). Apply anyway runs as the operator choosing it, so the rules
 * (and the register's own checks on their login) judge them, not the one who first gave it.
 */
import type { Json } from '../../shared/canonical-json';
import type { ErrorCode } from '../../shared/errors';
import type { Handlers, ServiceContext } from '../service-context';
import { GatehouseError } from '../store/errors';
import {
  type ConflictRow,
  existingOf,
  linksOf,
  listConflicts,
  recordOf,
  waitingConflict,
} from './conflicts-list';

function mayResolve(ctx: ServiceContext, row: Pick<ConflictRow, 'operator_id' | 'operator_name'>): void {
  // Data-dependent: anyone may resolve their own conflicts; another's needs an administrator.
  if (row.operator_id === ctx.actor().id || ctx.session.can('operators:manage')) return;
  throw new GatehouseError(
    'FORBIDDEN',
    `This change was made by ${row.operator_name ?? 'another operator'}: only they or an administrator can resolve it.`,
  );
}

/** The subject of a choice's audit event: the record it concerns, else the command itself. */
function subjectOf(row: ConflictRow) {
  return recordOf(row) ?? { type: 'command', id: String(row.id), label: row.channel };
}

type Input = { [key: string]: Json | undefined };

/** Where a rule that now refuses it allows an override, the reason given for applying anyway is that override. */
function withOverride(channel: string, refusal: string, input: Input, reason: string): Input | null {
  // REG-10: the last licence was taken elsewhere; only an administrator may go over (requests.ts).
  if (channel === 'requests:create' && /REG-10/.test(refusal) && !input.licenceOverrideReason) {
    return { ...input, licenceOverrideReason: reason };
  }
  return null;
}

function drop(ctx: ServiceContext, id: number): void {
  const db = ctx.db();
  db.prepare('DELETE FROM captured_changes WHERE outbox_id = ?').run(id);
  db.prepare('DELETE FROM outbox WHERE id = ?').run(id);
}

/** My command as the trail records it beside a decision: what was asked, and why it waited. */
function asGiven(row: { id: number; channel: string; input_json: string; problem: string | null }): Json {
  return {
    command: row.id,
    channel: row.channel,
    input: JSON.parse(row.input_json) as Json,
    problem: row.problem,
  };
}

export const conflictHandlers: Pick<
  Handlers,
  'sync:conflicts' | 'sync:discard' | 'sync:apply' | 'sync:link'
> = {
  'sync:conflicts': (ctx) => listConflicts(ctx.db()),

  'sync:discard': (ctx, input) => {
    const db = ctx.db();
    const row = waitingConflict(db, input.id);
    mayResolve(ctx, row);
    ctx.transact((audit) => {
      drop(ctx, row.id);
      audit({
        action: 'trust.conflict-discarded',
        subject: subjectOf(row),
        reason: input.reason,
        before: asGiven(row),
      });
    });
    return listConflicts(db);
  },

  'sync:apply': async (ctx, input) => {
    const db = ctx.db();
    const row = waitingConflict(db, input.id);
    mayResolve(ctx, row);
    if (existingOf(row)) {
      throw new GatehouseError(
        'CONFLICT',
        `This duplicates ${existingOf(row)!.label}, already on the register: link it to that record, or discard it.`,
      );
    }
    if (!ctx.deps.rerun) throw new GatehouseError('UNAVAILABLE', 'Apply anyway is not available here.');
    let command = JSON.parse(row.input_json) as Input;
    const newest = () =>
      (db.prepare('SELECT coalesce(max(id), 0) AS id FROM outbox').get() as { id: number }).id;
    const before = newest();
    let result = await ctx.deps.rerun(row.channel, command);
    const overridden = result.ok
      ? null
      : withOverride(row.channel, result.error.message, command, input.reason);
    if (overridden) {
      command = overridden;
      result = await ctx.deps.rerun(row.channel, command);
    }
    // The re-run's own command is the first of its channel recorded after it started (removals the
    // nested sync re-runs come later and are not this decision's to drop).
    const mine = db
      .prepare<[number, string], { id: number; state: string; problem: string | null }>(
        `SELECT id, state, problem FROM outbox WHERE id > ? AND channel = ? ORDER BY id LIMIT 1`,
      )
      .get(before, row.channel);
    const refusedAgain = mine?.state === 'conflict' ? mine : null;
    if (refusedAgain) {
      // The rules here took it but the register refused it again (its rows are back to the register's):
      // one entry keeps waiting, the first, with the register's reason as it stands now.
      db.prepare('UPDATE outbox SET problem = ? WHERE id = ?').run(refusedAgain.problem, row.id);
      drop(ctx, refusedAgain.id);
      throw new GatehouseError(
        'CONFLICT',
        `The Trust register refused it again: ${refusedAgain.problem ?? ''} The change still waits in Conflicts.`,
      );
    }
    if (!result.ok) {
      // The rules still refuse it: it keeps waiting, now with the reason that holds today.
      db.prepare('UPDATE outbox SET problem = ? WHERE id = ?').run(result.error.message, row.id);
      throw new GatehouseError(
        result.error.code as ErrorCode,
        `${result.error.message} The change still waits in Conflicts.`,
      );
    }
    ctx.transact((audit) => {
      db.prepare(`UPDATE outbox SET state = 'superseded' WHERE id = ?`).run(row.id);
      audit({
        action: 'trust.conflict-applied',
        subject: subjectOf(row),
        reason: input.reason,
        before: asGiven(row),
        // Offline the re-run only queues: the trail says whether the register has it yet.
        after: { channel: row.channel, input: command, onRegister: mine?.state === 'pushed' },
      });
    });
    return listConflicts(db);
  },

  'sync:link': (ctx, input) => {
    const db = ctx.db();
    const row = waitingConflict(db, input.id);
    mayResolve(ctx, row);
    const existing = existingOf(row);
    const links = linksOf(row);
    if (!existing || links.length === 0) {
      throw new GatehouseError(
        'CONFLICT',
        'Only a duplicate registration can be linked to an existing record: apply this change anyway or discard it.',
      );
    }
    ctx.transact((audit) => {
      // My duplicate is gone from the replica already (put back to the register's rows when refused).
      drop(ctx, row.id);
      // My later changes that referred to my duplicate now refer to the register's record.
      const later = db
        .prepare<[number], { id: number; input_json: string }>(
          `SELECT id, input_json FROM outbox WHERE state = 'conflict' AND id > ? ORDER BY id`,
        )
        .all(row.id);
      const rewritten: number[] = [];
      for (const entry of later) {
        const json = links.reduce((text, l) => text.split(l.mine).join(l.theirs), entry.input_json);
        if (json === entry.input_json) continue;
        db.prepare('UPDATE outbox SET input_json = ?, problem = ? WHERE id = ?').run(
          json,
          `It now refers to ${existing.label}, already on the register (linked): apply it again.`,
          entry.id,
        );
        rewritten.push(entry.id);
      }
      audit({
        action: 'trust.conflict-linked',
        subject: existing,
        reason: input.reason,
        before: { command: row.id, channel: row.channel, mine: recordOf(row) },
        after: { linkedTo: existing, ids: links, rewritten },
      });
    });
    return listConflicts(db);
  },
};
