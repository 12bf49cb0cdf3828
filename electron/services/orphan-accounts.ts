/**
 * Orphan accounts: usernames a system's own sign-in export lists that the register does not know.
 * Each is linked to the person who holds it (so it is reviewed, reported and de-registered like any
 * other account), or its removal is raised with the system's administrator and later recorded done.
 */
import { randomUUID } from 'node:crypto';
import type { Handlers, ServiceContext } from '../service-context';
import type { Db } from '../store/database';
import { GatehouseError } from '../store/errors';
import { refreshSearchTerms } from '../store/people-queries';
import { requireSystem } from './catalogue';
import { requirePerson } from './people';

interface OrphanRow {
  system_id: string;
  system_name: string;
  username: string;
  last_sign_in: string | null;
  first_found_at: string;
  state: 'open' | 'linked' | 'removal-raised' | 'removed';
  resolution_note: string | null;
}

function requireOrphan(db: Db, systemId: string, username: string): OrphanRow {
  const row = db
    .prepare<[string, string], OrphanRow>(
      `SELECT o.*, s.name AS system_name FROM orphan_accounts o JOIN systems s ON s.id = o.system_id
       WHERE o.system_id = ? AND o.username = ?`,
    )
    .get(systemId, username);
  if (!row)
    throw new GatehouseError('NOT_FOUND', 'That orphan account is not listed any more. Refresh the list.');
  return row;
}

function link(ctx: ServiceContext, orphan: OrphanRow, personId: string, role: string): string {
  const db = ctx.db();
  const person = requirePerson(db, personId);
  const system = requireSystem(db, orphan.system_id);
  if (!system.roles.some((r) => r.name === role))
    throw new GatehouseError(
      'REFUSED_BY_POLICY',
      `${system.name} does not offer the role "${role}" (REG-3). Choose one of: ${system.roles.map((r) => r.name).join(', ')}.`,
    );
  const held = person.accounts.find(
    (a) =>
      a.systemId === system.id &&
      a.kind === 'normal' &&
      ['pending', 'active', 'suspended'].includes(a.status),
  );
  if (held)
    throw new GatehouseError(
      'REFUSED_BY_POLICY',
      `${person.name} already has an account on ${system.name}${held.username ? ` (${held.username})` : ''} (REG-4: one account per person per system). Raise the removal of ${orphan.username} instead.`,
    );
  db.prepare(
    `INSERT INTO accounts (id, person_id, system_id, role, kind, username, status, created_at, last_activity_at)
     VALUES (?, ?, ?, ?, 'normal', ?, 'active', ?, ?)`,
  ).run(
    randomUUID(),
    person.id,
    system.id,
    role,
    orphan.username,
    ctx.clock.now().toISOString(),
    orphan.last_sign_in ? `${orphan.last_sign_in}T00:00:00.000Z` : null,
  );
  refreshSearchTerms(db, person.id);
  return `${orphan.username} on ${system.name} is now ${person.name}’s ${role} account in the register.`;
}

export const orphanHandlers: Pick<Handlers, 'activity:orphans' | 'activity:resolveOrphan'> = {
  'activity:orphans': (ctx, input) => {
    const where = [
      ...(input.systemId ? ['o.system_id = @systemId'] : []),
      ...(input.show === 'outstanding' ? ["o.state IN ('open', 'removal-raised')"] : []),
    ];
    return ctx
      .db()
      .prepare<[{ systemId?: string }], OrphanRow>(
        `SELECT o.*, s.name AS system_name FROM orphan_accounts o JOIN systems s ON s.id = o.system_id
         ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.name, o.username LIMIT 2000`,
      )
      .all(input.systemId ? { systemId: input.systemId } : {})
      .map((o) => ({
        systemId: o.system_id,
        systemName: o.system_name,
        username: o.username,
        lastSignIn: o.last_sign_in,
        firstFoundAt: o.first_found_at,
        state: o.state,
        resolutionNote: o.resolution_note,
      }));
  },

  'activity:resolveOrphan': (ctx, input) => {
    const db = ctx.db();
    const orphan = requireOrphan(db, input.systemId, input.username);
    ctx.requireSystemScope(orphan.system_id);
    const r = input.resolution;
    const allowed = r.action === 'removed' ? ['open', 'removal-raised'] : ['open'];
    if (!allowed.includes(orphan.state))
      throw new GatehouseError(
        'CONFLICT',
        `${orphan.username} on ${orphan.system_name} is already ${orphan.state.replace('-', ' ')}. Refresh the list to see what is left to do.`,
      );
    return ctx.transact((audit) => {
      const summary =
        r.action === 'link'
          ? link(ctx, orphan, r.personId, r.role)
          : r.action === 'raise-removal'
            ? `Removal of ${orphan.username} from ${orphan.system_name} is raised: ask its administrator to remove it, then record it removed.`
            : `${orphan.username} is recorded as removed from ${orphan.system_name}.`;
      const state = ({ link: 'linked', 'raise-removal': 'removal-raised', removed: 'removed' } as const)[
        r.action
      ];
      const note = r.action === 'link' ? summary : r.action === 'raise-removal' ? r.reason : r.note;
      db.prepare(
        'UPDATE orphan_accounts SET state = ?, resolution_note = ?, resolved_at = ? WHERE system_id = ? AND username = ?',
      ).run(state, note, ctx.clock.now().toISOString(), orphan.system_id, orphan.username);
      audit({
        action: `orphan.${state}`,
        subject: {
          type: 'system',
          id: orphan.system_id,
          label: `${orphan.username} on ${orphan.system_name}`,
        },
        ...(r.action === 'link' ? {} : { reason: note }),
        after: { state, note },
      });
      return { summary };
    });
  },
};
