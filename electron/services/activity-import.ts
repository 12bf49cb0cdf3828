/**
 * Importing a system's last sign-in export (SUS-2): each username the register knows on that system
 * gets its last activity; usernames it does not know are listed as orphan accounts, for an
 * administrator to link to a person or to remove. All or nothing: a bad line refuses the file.
 */
import { type ActivityMapping, parseActivityExport } from '../../shared/activity-export';
import type { Handlers, ServiceContext } from '../service-context';
import { GatehouseError } from '../store/errors';
import { cached } from '../store/statement-cache';
import { requireSystem } from './catalogue';

export interface ActivityImported {
  updated: number;
  unchanged: number;
  orphans: { username: string; lastSignIn: string | null }[];
  mapping: ActivityMapping;
  /** What the file held besides accounts (a report title, a total), said in words. */
  notes: string[];
}

export function importActivity(
  ctx: ServiceContext,
  systemId: string,
  fileName: string,
  content: string,
  mapping: ActivityMapping | null,
): ActivityImported {
  const db = ctx.db();
  const system = requireSystem(db, systemId);
  ctx.requireSystemScope(system.id);
  const saved = db
    .prepare<[string], { u: string | null; d: string | null }>(
      'SELECT activity_username_column AS u, activity_date_column AS d FROM systems WHERE id = ?',
    )
    .get(system.id);
  const useMapping = mapping ?? (saved?.u && saved.d ? { username: saved.u, date: saved.d } : null);
  const parsed = parseActivityExport(content, fileName, useMapping);
  if (!parsed.ok) throw new GatehouseError('INVALID_INPUT', parsed.message);
  if (parsed.problems.length > 0) {
    throw new GatehouseError(
      'INVALID_INPUT',
      `${fileName} was not imported; nothing was changed. Fix these lines:\n${parsed.problems.join('\n')}`,
    );
  }
  const result: ActivityImported = {
    updated: 0,
    unchanged: 0,
    orphans: [],
    mapping: parsed.mapping,
    notes: parsed.notes,
  };
  const now = ctx.clock.now().toISOString();
  ctx.transact((audit) => {
    const find = cached<[string, string], { id: string; last_activity_at: string | null }>(
      db,
      `SELECT id, last_activity_at FROM accounts WHERE system_id = ? AND username = ? AND status <> 'deleted'`,
    );
    const update = cached(db, 'UPDATE accounts SET last_activity_at = ? WHERE id = ?');
    const orphan = cached(
      db,
      `INSERT INTO orphan_accounts (system_id, username, last_sign_in, first_found_at, last_found_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (system_id, username) DO UPDATE SET last_sign_in = excluded.last_sign_in, last_found_at = excluded.last_found_at,
         -- Recorded as removed, yet still in the system's own export: it needs looking at again.
         state = CASE WHEN orphan_accounts.state = 'removed' THEN 'open' ELSE orphan_accounts.state END`,
    );
    for (const row of parsed.rows) {
      const accounts = find.all(system.id, row.username);
      if (accounts.length === 0) {
        orphan.run(system.id, row.username, row.lastSignIn, now, now);
        result.orphans.push({ username: row.username, lastSignIn: row.lastSignIn });
        continue;
      }
      const signedIn = row.lastSignIn ? `${row.lastSignIn}T00:00:00.000Z` : null;
      for (const account of accounts) {
        // A file older than what is known never winds the clock back.
        if (signedIn && (!account.last_activity_at || signedIn > account.last_activity_at)) {
          update.run(signedIn, account.id);
          result.updated += 1;
        } else result.unchanged += 1;
      }
    }
    db.prepare('UPDATE systems SET activity_username_column = ?, activity_date_column = ? WHERE id = ?').run(
      parsed.mapping.username,
      parsed.mapping.date,
      system.id,
    );
    audit({
      action: 'activity.imported',
      subject: { type: 'system', id: system.id, label: system.name },
      after: {
        file: fileName,
        rows: parsed.rows.length,
        updated: result.updated,
        orphans: result.orphans.length,
      },
    });
  });
  return result;
}

export const activityHandlers: Pick<Handlers, 'activity:import'> = {
  'activity:import': (ctx, input) =>
    importActivity(ctx, input.systemId, input.fileName, input.content, input.mapping ?? null),
};
