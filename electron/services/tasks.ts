/**
 * Tasks: what an administrator does in the target system (Gatehouse keeps the register; the account
 * itself is made in RiO, EMIS...). Completing an account set-up records REG-6: username, training
 * arranged or sign-posted, login details issued (never a password), first-login change set.
 */
import type { Json } from '../../shared/canonical-json';
import { unmetSetUpChecks } from '../../shared/policy/set-up-checks';
import type { Handlers } from '../service-context';
import { GatehouseError } from '../store/errors';
import { refreshSearchTerms } from '../store/people-queries';
import { taskRow, taskRows, toTask } from '../store/request-queries';
import { openIncident } from './account-tasks';

export const taskHandlers: Pick<Handlers, 'tasks:list' | 'tasks:complete'> = {
  'tasks:list': (ctx, input) => {
    const params: unknown[] = [input.state];
    let where = 'WHERE t.state = ?';
    if (input.personId) {
      where += ' AND t.person_id = ?';
      params.push(input.personId);
    }
    return taskRows(ctx.db(), where, params).map(toTask);
  },

  'tasks:complete': (ctx, input) => {
    const db = ctx.db();
    const task = taskRow(db, input.id);
    if (!task) throw new GatehouseError('NOT_FOUND', 'That task no longer exists. Refresh the list.');
    if (task.state !== 'open')
      throw new GatehouseError(
        'CONFLICT',
        'That task is already closed. Refresh the list to see the tasks still open.',
      );
    ctx.requireSystemScope(task.system_id);
    const down = openIncident(db, task.system_id);
    if (down) {
      throw new GatehouseError(
        'CONFLICT',
        `${task.system_name} is down: this task stays in the reconciliation list until it is back (DT-1).`,
      );
    }
    const setUp = input.setUp;
    if (task.action === 'create-account') {
      if (!setUp)
        throw new GatehouseError(
          'INVALID_INPUT',
          'Record the username created and how the person was set up (REG-6).',
        );
      const [unmet] = unmetSetUpChecks(setUp);
      if (unmet) throw new GatehouseError('REFUSED_BY_POLICY', unmet.refusal);
    }
    const now = ctx.clock.now().toISOString();
    ctx.transact((audit) => {
      const account = task.account_id;
      if (account) {
        if (task.action === 'create-account')
          db.prepare(`UPDATE accounts SET status = 'active', username = ? WHERE id = ?`).run(
            setUp!.username,
            account,
          );
        if (task.action === 'change-role')
          db.prepare('UPDATE accounts SET role = ? WHERE id = ?').run(task.new_role, account);
        if (task.action === 'reactivate-account')
          db.prepare(`UPDATE accounts SET status = 'active' WHERE id = ?`).run(account);
        if (task.action === 'disable-account')
          db.prepare(`UPDATE accounts SET status = 'disabled' WHERE id = ?`).run(account);
        if (task.action === 'delete-account')
          db.prepare(`UPDATE accounts SET status = 'deleted' WHERE id = ?`).run(account);
      }
      db.prepare(`UPDATE tasks SET state = 'done', done_at = ?, done_by = ?, details = ? WHERE id = ?`).run(
        now,
        ctx.actor().id,
        JSON.stringify({ ...setUp, note: input.note ?? setUp?.note }),
        task.id,
      );
      if (task.request_id)
        db.prepare(
          `UPDATE requests SET state = 'completed', completed_at = ? WHERE id = ? AND state = 'ready'`,
        ).run(now, task.request_id);
      refreshSearchTerms(db, task.person_id);
      audit({
        action: 'task.completed',
        subject: { type: 'person', id: task.person_id, label: task.person_name },
        reason: input.note ?? null,
        after: { task: task.description, ...(setUp ? ({ setUp } as unknown as Record<string, Json>) : {}) },
      });
    });
    return toTask(taskRow(db, task.id)!);
  },
};
