/**
 * The Conflicts list (issue 11 §2): a change the register refused, or that met a colleague's change
 * to the same record first, waits here for a person; it is never applied silently and never lost.
 * Discarding one keeps what the register has, and is audited with the reason.
 */
import type { Handlers } from '../service-context';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';

interface ConflictRow {
  id: number;
  channel: string;
  input_json: string;
  operator_id: string;
  created_at: string;
  problem: string | null;
}

function conflicts(db: Db) {
  return db
    .prepare<[], ConflictRow>(
      `SELECT id, channel, input_json, operator_id, created_at, problem FROM outbox WHERE state = 'conflict' ORDER BY id`,
    )
    .all()
    .map((r) => ({
      id: r.id,
      channel: r.channel,
      input: JSON.parse(r.input_json) as unknown,
      operatorId: r.operator_id,
      at: r.created_at,
      problem: r.problem,
      operatorName: null,
      summary: r.channel,
      record: null,
      since: [],
      existing: null,
      choices: ['discard' as const],
    }));
}

export const conflictHandlers: Pick<
  Handlers,
  'sync:conflicts' | 'sync:discard' | 'sync:apply' | 'sync:link'
> = {
  'sync:conflicts': (ctx) => conflicts(ctx.db()),

  'sync:discard': (ctx, input) => {
    const db = ctx.db();
    const row = conflicts(db).find((c) => c.id === input.id);
    if (!row) {
      throw new GatehouseError(
        'NOT_FOUND',
        'That conflict is no longer waiting: list the conflicts again (gatehouse sync conflicts).',
      );
    }
    ctx.transact((audit) => {
      db.prepare('DELETE FROM captured_changes WHERE outbox_id = ?').run(row.id);
      db.prepare('DELETE FROM outbox WHERE id = ?').run(row.id);
      audit({
        action: 'trust.conflict-discarded',
        subject: { type: 'command', id: String(row.id), label: row.channel },
        reason: input.reason,
        before: { channel: row.channel, problem: row.problem },
      });
    });
    return conflicts(db);
  },

  // Issue 11 §2: built on the branch that owns the conflicts core; refused until then.
  'sync:apply': () => {
    throw new GatehouseError('UNAVAILABLE', 'Apply anyway is not available yet.');
  },
  'sync:link': () => {
    throw new GatehouseError('UNAVAILABLE', 'Link to the existing record is not available yet.');
  },
};
