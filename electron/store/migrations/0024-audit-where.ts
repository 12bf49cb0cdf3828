/**
 * Issue 12 §5: each audit event says where it was made: the workstation (its Trust workstation id
 * when joined, else its host name) and the host kind (electron, web, cli). Both are hashed and
 * signed with the event, but only when present (audit-chain.ts), so every event written before this
 * step keeps its hash and still verifies. The append-only triggers are untouched.
 */
import type { Migration } from './types';

export const auditWhereMigration: Migration = {
  version: 24,
  name: 'audit-where',
  up(db) {
    db.exec(`
      ALTER TABLE audit_events ADD COLUMN workstation TEXT;
      ALTER TABLE audit_events ADD COLUMN host TEXT;
    `);
  },
};
