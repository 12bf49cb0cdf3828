/**
 * Issue 10 §1: `INSERT OR REPLACE` (or `REPLACE INTO`) with an existing event's hash used to delete
 * that event: SQLite's REPLACE removes the conflicting row without firing DELETE triggers (unless
 * recursive_triggers is on). This trigger refuses, before any conflict resolution, a row whose
 * sequence number or hash is already in the chain, so no insert can ever remove an event.
 */
import type { Migration } from './types';

export const auditNoReplaceMigration: Migration = {
  version: 16,
  name: 'audit-no-replace',
  up(db) {
    db.exec(`
      CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events
      WHEN EXISTS (SELECT 1 FROM audit_events WHERE seq = NEW.seq OR hash = NEW.hash)
      BEGIN
        SELECT RAISE(ABORT, 'audit events cannot replace one another');
      END;
    `);
  },
};
