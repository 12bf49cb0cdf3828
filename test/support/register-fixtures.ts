/** Accounts put straight into the register, for tests of what happens to existing access. */
import { randomUUID } from 'node:crypto';
import type { Core } from '../../electron/core';
import { refreshSearchTerms } from '../../electron/store/people-queries';

export function giveAccount(
  core: Core,
  personId: string,
  systemId: string,
  role: string,
  status = 'active',
  kind = 'normal',
): string {
  const db = core.session.store!.db;
  const id = randomUUID();
  db.prepare(
    `INSERT INTO accounts (id, person_id, system_id, role, kind, username, status, created_at, last_activity_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
  ).run(id, personId, systemId, role, kind, `user-${systemId}`, status);
  refreshSearchTerms(db, personId);
  return id;
}
