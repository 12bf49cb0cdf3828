/**
 * Bank holidays and access profiles join the Trust register (server step 8): capture their changes
 * for the outbox like every other synced table's.
 */
import { SYNCED_TABLES_0008 } from '../../trust/server/migrations/0008-shared-reference-data';
import { captureTriggers } from './capture-triggers';
import type { Migration } from './types';

export const sharedReferenceCaptureMigration: Migration = {
  version: 21,
  name: 'shared-reference-capture',
  up(db) {
    for (const table of SYNCED_TABLES_0008) db.exec(captureTriggers(table));
  },
};
