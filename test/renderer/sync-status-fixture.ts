/** A workstation joined to a Trust register and reachable, as main reports it; tests vary from it. */
import type { SyncStatus } from '../../shared/contract/sync';

export const JOINED_STATUS: SyncStatus = {
  connected: true,
  server: 'postgres://ada@db.trust.nhs.uk:5432/gatehouse',
  reachable: true,
  problem: null,
  workstationId: 'a474d7d9-10c2-44ff-b79e-dce53277159c',
  queued: 0,
  conflicts: 0,
  cursor: 40,
  headHash: 'f'.repeat(64),
  lastContact: '2026-11-23T09:05:00.000Z',
  offlineGraceHours: 72,
  alarm: null,
};
