/**
 * How this workstation stands with the Trust register, for `sync status`, the offline banner (the
 * `sync:changed` event) and scripts: joined or not, reachable at the last try, changes waiting,
 * conflicts, last contact.
 */
import type { SyncStatus } from '../../shared/contract/sync';
import type { Db } from '../store/database';
import { offlineGraceHours } from './trust-settings';
import { outboxCounts } from './outbox';
import { readTrustLink } from './trust-state';

/** Reachability as last tried in this process (about now, so not saved in the store). */
export const lastAttempt = new WeakMap<object, { reachable: boolean; problem: string | null }>();

export function syncStatusOf(db: Db): SyncStatus {
  const link = readTrustLink(db);
  const attempt = lastAttempt.get(db) ?? null;
  return {
    connected: link !== null,
    server: link?.url ?? null,
    reachable: attempt?.reachable ?? null,
    problem: attempt?.problem ?? null,
    workstationId: link?.workstationId ?? null,
    ...outboxCounts(db),
    cursor: link?.cursor ?? 0,
    headHash: link?.headHash ?? null,
    lastContact: link?.lastContact ?? null,
    offlineGraceHours: link ? offlineGraceHours(db) : null,
    alarm: link?.alarm ?? null,
  };
}

export function syncStatus(ctx: { db(): Db }): SyncStatus {
  return syncStatusOf(ctx.db());
}
