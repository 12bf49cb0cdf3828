/**
 * Bank holidays and access profiles join the Trust register (server step 9), with the Trust's own
 * settings (the offline grace period): capture their changes for the outbox like every other synced
 * table's. On a workstation alone trust_settings stays empty.
 */
import { SYNCED_TABLES_0009 } from '../../trust/server/migrations/0009-shared-reference-data';
import { captureTriggers } from './capture-triggers';
import type { Migration } from './types';

export const sharedReferenceDataMigration: Migration = {
  version: 21,
  name: 'shared-reference-data',
  up(db) {
    db.exec(`
      CREATE TABLE trust_settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;
    `);
    for (const table of SYNCED_TABLES_0009) db.exec(captureTriggers(table));
  },
};
