/**
 * Emergency downtime (DT-1, DT-2): the work goes on while a system is down; what cannot be keyed in
 * waits in a reconciliation list until the system is back, then is ticked off task by task.
 */
import { randomUUID } from 'node:crypto';
import type { Incident } from '../../shared/contract/downtime';
import type { Handlers, ServiceContext } from '../service-context';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { taskRows, toTask } from '../store/request-queries';
import { requireSystem } from './catalogue';

interface IncidentRow {
  id: string;
  system_id: string;
  system_name: string;
  severity: Incident['severity'];
  started_at: string;
  ended_at: string | null;
  note: string;
}

const SELECT = `SELECT i.*, s.name AS system_name FROM downtime_incidents i JOIN systems s ON s.id = i.system_id`;

function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    systemId: row.system_id,
    systemName: row.system_name,
    severity: row.severity,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    minutes: row.ended_at
      ? Math.round((Date.parse(row.ended_at) - Date.parse(row.started_at)) / 60_000)
      : null,
    note: row.note,
  };
}

export function systemsDown(db: Db) {
  return db
    .prepare<[], IncidentRow>(`${SELECT} WHERE i.ended_at IS NULL ORDER BY i.started_at`)
    .all()
    .map((r) => ({
      systemId: r.system_id,
      systemName: r.system_name,
      severity: r.severity,
      since: r.started_at,
    }));
}

function announce(ctx: ServiceContext): void {
  ctx.deps.emitDowntimeChanged(systemsDown(ctx.db()));
}

export const downtimeHandlers: Pick<
  Handlers,
  'downtime:current' | 'downtime:markDown' | 'downtime:markUp' | 'downtime:log' | 'downtime:reconciliation'
> = {
  'downtime:current': (ctx) => systemsDown(ctx.db()),

  'downtime:markDown': (ctx, input) => {
    const db = ctx.db();
    const system = requireSystem(db, input.systemId);
    ctx.requireSystemScope(system.id);
    if (system.availability.status === 'down')
      throw new GatehouseError(
        'CONFLICT',
        `${system.name} is already marked down; its incident is on the Downtime screen.`,
      );
    const id = randomUUID();
    const startedAt = input.startedAt ?? ctx.clock.now().toISOString();
    ctx.transact((audit) => {
      db.prepare(
        'INSERT INTO downtime_incidents (id, system_id, severity, started_at, note, reported_by) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(id, system.id, input.severity, startedAt, input.note, ctx.actor().id);
      db.prepare('UPDATE systems SET down_since = ?, down_severity = ?, down_note = ? WHERE id = ?').run(
        startedAt,
        input.severity,
        input.note,
        system.id,
      );
      // Tasks already waiting for this system join the reconciliation list.
      db.prepare(
        `UPDATE tasks SET incident_id = ? WHERE system_id = ? AND state = 'open' AND incident_id IS NULL`,
      ).run(id, system.id);
      audit({
        action: 'downtime.started',
        subject: { type: 'system', id: system.id, label: system.name },
        reason: input.note,
        after: { severity: input.severity, startedAt },
      });
    });
    announce(ctx);
    return toIncident(db.prepare<[string], IncidentRow>(`${SELECT} WHERE i.id = ?`).get(id)!);
  },

  'downtime:markUp': (ctx, input) => {
    const db = ctx.db();
    const system = requireSystem(db, input.systemId);
    ctx.requireSystemScope(system.id);
    const open = db
      .prepare<[string], IncidentRow>(`${SELECT} WHERE i.system_id = ? AND i.ended_at IS NULL`)
      .get(system.id);
    if (!open)
      throw new GatehouseError(
        'CONFLICT',
        `${system.name} is not marked down, so there is nothing to bring back up.`,
      );
    const endedAt = ctx.clock.now().toISOString();
    ctx.transact((audit) => {
      db.prepare('UPDATE downtime_incidents SET ended_at = ?, ended_by = ? WHERE id = ?').run(
        endedAt,
        ctx.actor().id,
        open.id,
      );
      db.prepare(
        'UPDATE systems SET down_since = NULL, down_severity = NULL, down_note = NULL WHERE id = ?',
      ).run(system.id);
      audit({
        action: 'downtime.ended',
        subject: { type: 'system', id: system.id, label: system.name },
        reason: input.note ?? null,
        after: { endedAt },
      });
    });
    announce(ctx);
    return toIncident(db.prepare<[string], IncidentRow>(`${SELECT} WHERE i.id = ?`).get(open.id)!);
  },

  'downtime:log': (ctx) =>
    ctx.db().prepare<[], IncidentRow>(`${SELECT} ORDER BY i.started_at DESC LIMIT 500`).all().map(toIncident),

  'downtime:reconciliation': (ctx) => {
    const db = ctx.db();
    const down = new Set(systemsDown(db).map((s) => s.systemId));
    const groups = new Map<
      string,
      { systemId: string; systemName: string; down: boolean; tasks: ReturnType<typeof toTask>[] }
    >();
    for (const row of taskRows(db, `WHERE t.state = 'open' AND t.incident_id IS NOT NULL`)) {
      const group = groups.get(row.system_id) ?? {
        systemId: row.system_id,
        systemName: row.system_name,
        down: down.has(row.system_id),
        tasks: [],
      };
      group.tasks.push(toTask(row));
      groups.set(row.system_id, group);
    }
    return [...groups.values()];
  },
};
